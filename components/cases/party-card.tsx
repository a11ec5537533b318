import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';

type Party = Record<string, unknown> | null;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : null;

/** The debtor or creditor with the contact details Debitura sent (any of them may be missing). */
export function PartyCard({ kind, name, party }: { kind: 'debtor' | 'creditor'; name: string | null; party: unknown }) {
  const t = useTranslations('case.party');
  const data: Party =
    party && typeof party === 'object' && !Array.isArray(party) ? (party as Record<string, unknown>) : null;
  const email = text(data?.email) ?? text(data?.officeEmail);
  const phone = text(data?.phone) ?? text(data?.officePhone);
  const cityLine = [text(data?.zipCode), text(data?.city)].filter(Boolean).join(' ');
  const address = [text(data?.address), cityLine, text(data?.countryAlpha2)].filter(Boolean);
  const facts: [string, string | null][] = [
    [t('type'), text(data?.type)],
    [t('contactPerson'), text(data?.contactPerson)],
    [t('companyRegistration'), text(data?.companyRegistrationNumber)],
  ];
  return (
    <Card title={t(kind)} id={`${kind}-heading`}>
      <p className="font-medium">{name ?? <span className="text-slate-500">{t('notKnownYet')}</span>}</p>
      <dl className="mt-2 space-y-1 text-sm">
        {facts.map(([label, value]) =>
          value ? (
            <div key={label} className="flex gap-2">
              <dt className="text-slate-500">{label}:</dt>
              <dd>{value}</dd>
            </div>
          ) : null,
        )}
        {address.length ? (
          <div className="flex gap-2">
            <dt className="sr-only">{t('address')}</dt>
            <dd className="text-slate-700">{address.join(', ')}</dd>
          </div>
        ) : null}
        {email ? (
          <div className="flex gap-2">
            <dt className="text-slate-500">{t('email')}:</dt>
            <dd className="min-w-0 break-all">
              <a href={`mailto:${email}`} className="text-sky-700 hover:underline">
                {email}
              </a>
            </dd>
          </div>
        ) : null}
        {phone ? (
          <div className="flex gap-2">
            <dt className="text-slate-500">{t('phone')}:</dt>
            <dd>
              <a href={`tel:${phone.replace(/[^+\d]/g, '')}`} className="text-sky-700 hover:underline">
                {phone}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
    </Card>
  );
}
