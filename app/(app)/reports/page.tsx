import type { Metadata } from 'next';
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
import { buildReport, REPORT_KEYS } from '@/lib/reports/tables';

export const metadata: Metadata = { title: 'Reports' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReportsPage({ searchParams }: Props) {
  await requirePermission('reports:read');
  const { filter, ignored } = parseReportFilter(await searchParams);
  const reports = await Promise.all(REPORT_KEYS.map((key) => buildReport(key, filter)));
  const params = reportSearchParams(filter);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Reports</h1>
          <p className="text-sm text-slate-600">
            Outcomes of {filter.isTest ? 'test' : 'live'} cases from {filter.from} to {filter.to} (UTC). Amounts per
            currency, never added across currencies.
          </p>
        </div>
        <Link href="/team" className="text-sm underline underline-offset-2">
          Team workload →
        </Link>
      </div>
      {ignored.length ? (
        <Alert tone="warning">Ignored filters that did not make sense: {ignored.join(', ')}.</Alert>
      ) : null}
      <ReportFilters filter={filter} />
      {reports.map((report) => (
        <Card
          key={report.key}
          id={`report-${report.key}`}
          title={report.title}
          actions={
            <ButtonLink href={`/reports/export?report=${report.key}&${params}`} prefetch={false} download size="sm">
              Download CSV<span className="sr-only">: {report.title}</span>
            </ButtonLink>
          }
        >
          <p className="mb-3 text-sm text-slate-600">{report.note}</p>
          {report.rows.length ? (
            <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
              <div className="space-y-4">
                {chartsFor(report).map((spec, _index, charts) => (
                  // Several currencies: small multiples, one per currency.
                  <ReportChart key={spec.title} spec={spec} isCompact={charts.length > 2} />
                ))}
              </div>
              <ReportTable report={report} />
            </div>
          ) : (
            <p className="text-sm text-slate-600" data-testid={`report-empty-${report.key}`}>
              Nothing in this range. Widen the dates, or switch between live and test cases.
            </p>
          )}
        </Card>
      ))}
    </div>
  );
}
