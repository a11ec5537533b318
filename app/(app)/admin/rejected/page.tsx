import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { DateFilter, FilterBar, options, SelectFilter } from '@/components/admin/filters';
import { Pager } from '@/components/admin/pager';
import { RejectedTable } from '@/components/admin/rejected-table';
import { RejectionChart } from '@/components/admin/rejection-chart';
import { SecretUsageTable } from '@/components/admin/secret-usage-table';
import { linkClass } from '@/components/admin/styles';
import { parseRejectedFilters } from '@/lib/admin/params';
import { listRejected, listRejectionReasons, rejectionTimeline, type TimelineRange } from '@/lib/admin/rejections';
import { secretUsage } from '@/lib/admin/secret-usage';
import { requirePermission } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.rejected');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RejectedPage({ searchParams }: Props) {
  await requirePermission('deliveries:read');
  const params = await searchParams;
  const filters = parseRejectedFilters(params);
  const range: TimelineRange = params.range === '14d' ? '14d' : '24h';
  const [page, reasons, timeline, usage, t] = await Promise.all([
    listRejected(filters),
    listRejectionReasons(),
    rejectionTimeline(range),
    secretUsage(),
    getTranslations('admin.rejected'),
  ]);
  const rangeLink = (value: TimelineRange) => {
    const query = new URLSearchParams(
      Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1] && entry[0] !== 'cursor'),
    );
    query.set('range', value);
    return `?${query}`;
  };
  return (
    <div className="space-y-8">
      <section aria-labelledby="timeline-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 id="timeline-heading" className="text-2xl font-semibold">
              {t('title')}
            </h1>
            <p className="text-sm text-slate-600">{t('intro')}</p>
          </div>
          <nav aria-label={t('range')} className="flex gap-3 text-sm">
            <Link
              href={rangeLink('24h')}
              aria-current={range === '24h' ? 'true' : undefined}
              className={`${linkClass} aria-[current]:font-semibold`}
            >
              {t('perHour')}
            </Link>
            <Link
              href={rangeLink('14d')}
              aria-current={range === '14d' ? 'true' : undefined}
              className={`${linkClass} aria-[current]:font-semibold`}
            >
              {t('perDay')}
            </Link>
          </nav>
        </div>
        <RejectionChart timeline={timeline} />
      </section>

      <section aria-labelledby="secrets-heading" className="space-y-3">
        <h2 id="secrets-heading" className="text-lg font-semibold">
          {t('secretsHeading')}
        </h2>
        <p className="text-sm text-slate-600" data-testid="rotation-help">
          {t.rich('rotation', { variable: 'DEBITURA_WEBHOOK_SECRETS', code: (chunks) => <code>{chunks}</code> })}
        </p>
        <SecretUsageTable usage={usage} />
      </section>

      <section aria-labelledby="rejected-list-heading" className="space-y-3">
        <h2 id="rejected-list-heading" className="text-lg font-semibold">
          {t('listHeading')}
        </h2>
        <FilterBar path="/admin/rejected" label={t('filterLabel')}>
          <SelectFilter name="reason" label={t('reason')} value={filters.reason} options={options(reasons)} />
          <DateFilter name="from" label={t('from')} value={filters.from} />
          <DateFilter name="to" label={t('until')} value={filters.to} />
        </FilterBar>
        <RejectedTable rows={page.rows} />
        <Pager path="/admin/rejected" filters={filters} nextCursor={page.nextCursor} />
      </section>
    </div>
  );
}
