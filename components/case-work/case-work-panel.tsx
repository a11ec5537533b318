import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge, type Tone } from '@/components/ui/badge';
import { agencyCalendar } from '@/lib/deadlines/calendar';
import { agencyToday } from '@/lib/deadlines/business-time';
import { formatMoney } from '@/lib/money/currency';
import { listFollowUps } from '@/lib/work/follow-ups';
import { listPromises, type PromiseStatus } from '@/lib/work/promises';
import { AddFollowUpForm, AddPromiseForm, CloseItemButton, InternalNoteForm } from './work-forms';

const PROMISE_TONES: Record<PromiseStatus, Tone> = { open: 'blue', kept: 'green', broken: 'red', cancelled: 'slate' };

/** The agency's own work on a case: follow-ups, promises to pay, and internal notes (never sent to Debitura). */
export async function CaseWorkPanel({
  caseId,
  reference,
  currency,
}: {
  caseId: string;
  reference: string;
  currency: string | null;
}) {
  const [t, format, locale, followUps, promises] = await Promise.all([
    getTranslations('queue.work'),
    getFormatter(),
    getLocale(),
    listFollowUps(caseId),
    listPromises(caseId),
  ]);
  const today = agencyToday(new Date(), agencyCalendar());
  const day = (date: string) => format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: 'medium' });

  return (
    <section aria-labelledby="case-work" className="space-y-5 rounded-md border border-slate-200 bg-white p-4">
      <h2 id="case-work" className="text-base font-semibold">
        {t('title')}
      </h2>

      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-700">{t('followUps')}</h3>
        {followUps.length ? (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="follow-ups">
            {followUps.map((followUp) => (
              <li key={followUp.id} className="flex flex-wrap items-center gap-2 py-1.5">
                <Badge tone={followUp.status === 'open' ? 'blue' : 'slate'}>{t(`statuses.${followUp.status}`)}</Badge>
                <span className="font-medium">{day(followUp.dueDate)}</span>
                <span className="min-w-0 flex-1">{followUp.note}</span>
                {followUp.status === 'open' ? (
                  <>
                    <CloseItemButton
                      reference={reference}
                      id={followUp.id}
                      what="follow_up"
                      status="done"
                      label={t('done')}
                    />
                    <CloseItemButton
                      reference={reference}
                      id={followUp.id}
                      what="follow_up"
                      status="cancelled"
                      label={t('cancel')}
                    />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{t('noFollowUps')}</p>
        )}
        <AddFollowUpForm reference={reference} today={today} />
      </div>

      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-700">{t('promises')}</h3>
        {promises.length ? (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="promises">
            {promises.map((promise) => (
              <li key={promise.id} className="flex flex-wrap items-center gap-2 py-1.5">
                <Badge tone={PROMISE_TONES[promise.status]}>{t(`statuses.${promise.status}`)}</Badge>
                <span className="font-medium">{formatMoney(promise.amountMinor, promise.currency, locale)}</span>
                <span>{t('promiseBy', { date: day(promise.dueDate) })}</span>
                <span className="text-slate-600">
                  {t('paidSoFar', { amount: formatMoney(promise.paidMinor, promise.currency, locale) })}
                </span>
                {promise.status === 'open' || promise.status === 'broken' ? (
                  <CloseItemButton
                    reference={reference}
                    id={promise.id}
                    what="promise"
                    status="cancelled"
                    label={t('cancel')}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{t('noPromises')}</p>
        )}
        {currency ? <AddPromiseForm reference={reference} currency={currency} /> : null}
      </div>

      <InternalNoteForm reference={reference} />
    </section>
  );
}
