import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/input';
import { LiveTestSelect } from '@/components/ui/live-test-select';
import type { ReportFilter } from '@/lib/reports/filters';

/** Date range and live/test, as a GET form: the URL holds the view. */
export function ReportFilters({ filter }: { filter: ReportFilter }) {
  return (
    <form
      method="get"
      action="/reports"
      aria-label="Report filters"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <Field label="From" htmlFor="report-from">
        <Input id="report-from" name="from" type="date" defaultValue={filter.from} />
      </Field>
      <Field label="Until" htmlFor="report-to">
        <Input id="report-to" name="to" type="date" defaultValue={filter.to} />
      </Field>
      <Field label="Cases" htmlFor="report-test">
        <LiveTestSelect id="report-test" isTest={filter.isTest} />
      </Field>
      <Button type="submit">Show</Button>
    </form>
  );
}
