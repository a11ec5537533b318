import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeliveryStatus, ModeBadge } from '@/components/admin/delivery-status';
import { ReprocessButton } from '@/components/admin/reprocess-buttons';
import { linkClass } from '@/components/admin/styles';
import { Time } from '@/components/admin/time';
import { getDelivery } from '@/lib/admin/deliveries';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { decodeRouteParam } from '@/lib/routing/route-param';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.delivery');
  return { title: t('title') };
}

type Props = { params: Promise<{ id: string }> };

export default async function DeliveryPage({ params }: Props) {
  const user = await requirePermission('deliveries:read');
  const { id } = await params;
  const delivery = await getDelivery(decodeRouteParam(id));
  if (!delivery) notFound();
  const t = await getTranslations('admin.delivery');
  const facts: [string, React.ReactNode][] = [
    [
      t('eventType'),
      <span key="t" className="font-mono">
        {delivery.type}
      </span>,
    ],
    [t('statusLabel'), <DeliveryStatus key="s" status={delivery.status} duplicateCount={delivery.duplicateCount} />],
    [t('modeLabel'), <ModeBadge key="m" isTest={delivery.isTest} isReplay={delivery.isReplay} />],
    [
      t('case'),
      delivery.caseReference ? (
        <Link
          key="c"
          href={`/cases/${encodeURIComponent(delivery.caseReference)}`}
          className={`font-mono ${linkClass}`}
        >
          {delivery.caseReference}
        </Link>
      ) : (
        '—'
      ),
    ],
    [t('occurred'), <Time key="o" date={delivery.occurredAt} />],
    [t('received'), <Time key="r" date={delivery.receivedAt} />],
    [t('applied'), <Time key="a" date={delivery.appliedAt} empty={t('notApplied')} />],
    [t('lastDuplicate'), <Time key="d" date={delivery.lastDuplicateAt} empty={t('noDuplicate')} />],
    [t('attempts'), delivery.attempts],
    [
      t('secret'),
      delivery.secretId ? (
        <span key="f" className="font-mono">
          {delivery.secretId}
        </span>
      ) : (
        t('notRecorded')
      ),
    ],
  ];
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href="/admin/deliveries" className={`text-sm ${linkClass}`}>
          {t('back')}
        </Link>
        <h1 className="text-2xl font-semibold break-all">
          {t.rich('heading', {
            id: delivery.id,
            mono: (chunks) => <span className="font-mono text-xl">{chunks}</span>,
          })}
        </h1>
      </div>
      <dl className="grid gap-x-6 gap-y-2 rounded-md border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {delivery.error ? (
        <section aria-labelledby="error-heading" className="space-y-2 rounded-md border border-red-200 bg-red-50 p-4">
          <h2 id="error-heading" className="font-semibold text-red-800">
            {t('whyFailed')}
          </h2>
          <pre className="text-sm whitespace-pre-wrap text-red-900">{delivery.error}</pre>
          {can(user, 'deliveries:reprocess') ? <ReprocessButton id={delivery.id} /> : null}
        </section>
      ) : null}
      <section aria-labelledby="payload-heading" className="space-y-2">
        <h2 id="payload-heading" className="text-lg font-semibold">
          {t('payload')}
        </h2>
        {/* Rendered as text: React escapes it, so markup in a payload can never run. */}
        <pre
          data-testid="raw-payload"
          tabIndex={0}
          className="max-h-[32rem] overflow-auto rounded-md border border-slate-200 bg-slate-900 p-4 text-xs text-slate-100"
        >
          {delivery.prettyBody}
        </pre>
      </section>
      <section aria-labelledby="headers-heading" className="space-y-2">
        <h2 id="headers-heading" className="text-lg font-semibold">
          {t('headers')}
        </h2>
        <p className="text-sm text-slate-600">{t('headersNote')}</p>
        <dl
          data-testid="stored-headers"
          className="grid gap-x-6 gap-y-1 rounded-md border border-slate-200 bg-white p-4 font-mono text-xs sm:grid-cols-[max-content_1fr]"
        >
          {delivery.headers.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="text-slate-600">{name}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
