import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/input';
import { LiveTestSelect } from '@/components/ui/live-test-select';
import type { ReportFilter } from '@/lib/reports/filters';

/** Date range and live/test, as a GET form: the URL holds the view. */
export function ReportFilters({ filter }: { filter: ReportFilter }) {
  const t = useTranslations('reports.filters');
  return (
    <form
      method="get"
      action="/reports"
      aria-label={t('label')}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <Field label={t('from')} htmlFor="report-from">
        <Input id="report-from" name="from" type="date" defaultValue={filter.from} />
      </Field>
      <Field label={t('until')} htmlFor="report-to">
        <Input id="report-to" name="to" type="date" defaultValue={filter.to} />
      </Field>
      <Field label={t('cases')} htmlFor="report-test">
        <LiveTestSelect id="report-test" isTest={filter.isTest} />
      </Field>
      <Button type="submit">{t('show')}</Button>
    </form>
  );
}
