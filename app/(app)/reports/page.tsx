import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ReportChart } from '@/components/reports/report-chart';
import { ReportFilters } from '@/components/reports/report-filters';
import { ReportTable } from '@/components/reports/report-table';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/session';
import { chartsFor } from '@/lib/reports/charts';
import { parseReportFilter, reportSearchParams } from '@/lib/reports/filters';
import { reportLabels } from '@/lib/reports/labels';
import { buildReport, REPORT_KEYS } from '@/lib/reports/tables';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReportsPage({ searchParams }: Props) {
  await requirePermission('reports:read');
  const { filter, ignored } = parseReportFilter(await searchParams);
  const [t, translate, format, locale] = await Promise.all([
    getTranslations('reports'),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const labels = reportLabels((key, values) => translate(key as never, values as never));
  const reports = await Promise.all(REPORT_KEYS.map((key) => buildReport(key, filter, labels.table)));
  const params = reportSearchParams(filter);
  // The range is whole calendar days: shown as those days, not shifted by a time zone.
  const day = (value: string) =>
    format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="text-sm text-slate-600">
            {t('intro', { isTest: String(filter.isTest), from: day(filter.from), to: day(filter.to) })}
          </p>
        </div>
        <Link href="/team" className="text-sm underline underline-offset-2">
          {t('teamLink')}
        </Link>
      </div>
      {ignored.length ? <Alert tone="warning">{t('ignoredFilters', { filters: ignored.join(', ') })}</Alert> : null}
      <ReportFilters filter={filter} />
      {reports.map((report) => (
        <Card
          key={report.key}
          id={`report-${report.key}`}
          title={report.title}
          actions={
            <ButtonLink href={`/reports/export?report=${report.key}&${params}`} prefetch={false} download size="sm">
              {t('downloadCsv')}
              <span className="sr-only">: {report.title}</span>
            </ButtonLink>
          }
        >
          <p className="mb-3 text-sm text-slate-600">{report.note}</p>
          {report.rows.length && !chartsFor(report, labels.chart).length ? (
            <ReportTable report={report} locale={locale} />
          ) : report.rows.length ? (
            <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
              <div className="space-y-4">
                {chartsFor(report, labels.chart).map((spec, _index, charts) => (
                  // Several currencies: small multiples, one per currency.
                  <ReportChart key={spec.title} spec={spec} isCompact={charts.length > 2} />
                ))}
              </div>
              <ReportTable report={report} locale={locale} />
            </div>
          ) : (
            <p className="text-sm text-slate-600" data-testid={`report-empty-${report.key}`}>
              {t('emptyRange')}
            </p>
          )}
        </Card>
      ))}
    </div>
  );
}
