import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { CLOSE_CODES } from '@/lib/cases/close-codes';
import { ENGAGEMENT_PHASES } from '@/lib/cases/engagement-phases';
import { CASE_SORTS, SORT_LABELS, type CaseListQuery } from '@/lib/cases/filters';
import type { FilterOptions } from '@/lib/cases/queries';
import { closeCodeLabel, englishVocabulary as t, phaseLabel } from '@/lib/i18n/vocabulary';

/**
 * The list's filters as a plain GET form: the URL is the state, so a view can be bookmarked
 * and shared, and the form works before any JavaScript has loaded.
 */
export function CaseFilters({ query, options }: { query: CaseListQuery; options: FilterOptions }) {
  const hasMoreFilters = Boolean(
    query.closeCode ||
    query.phase ||
    query.currency ||
    query.assignee ||
    query.isTest ||
    query.unread ||
    query.sort !== 'assigned',
  );
  return (
    <form method="get" action="/cases" role="search" aria-label="Filter cases" className="space-y-3">
      {query.state ? <input type="hidden" name="state" value={query.state} /> : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <Field
          label="Search"
          htmlFor="q"
          className="flex-1"
          hint="Reference, creditor reference, debtor or creditor name"
        >
          <Input
            id="q"
            name="q"
            type="search"
            defaultValue={query.q ?? ''}
            placeholder="e.g. Q8OAXF3W or Hansen"
            aria-describedby="q-hint"
            maxLength={100}
          />
        </Field>
        <div className="flex gap-2 sm:mb-5">
          <Button type="submit">Apply</Button>
          <Link
            href="/cases"
            className="inline-flex items-center rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-slate-900"
          >
            Reset
          </Link>
        </div>
      </div>
      <details open={hasMoreFilters} className="group rounded-lg border border-slate-200 bg-white">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-700 select-none focus-visible:outline-2 focus-visible:outline-slate-900">
          More filters and sorting
        </summary>
        <div className="grid grid-cols-1 gap-3 border-t border-slate-100 p-3 sm:grid-cols-2 lg:grid-cols-4">
          <Field label="Assignee" htmlFor="assignee">
            <Select
              id="assignee"
              name="assignee"
              defaultValue={query.assignee ?? ''}
              options={[
                { value: '', label: options.assignees.length ? 'Anyone' : 'Mine and unassigned' },
                { value: 'me', label: 'Assigned to me' },
                { value: 'unassigned', label: 'Unassigned' },
                ...options.assignees.map((user) => ({ value: user.id, label: user.name })),
              ]}
            />
          </Field>
          <Field label="Close code" htmlFor="closeCode">
            <Select
              id="closeCode"
              name="closeCode"
              defaultValue={query.closeCode ?? ''}
              options={[
                { value: '', label: 'Any close code' },
                ...CLOSE_CODES.map((info) => ({ value: info.code, label: closeCodeLabel(t, info.code) })),
              ]}
            />
          </Field>
          <Field label="Engagement phase" htmlFor="phase">
            <Select
              id="phase"
              name="phase"
              defaultValue={query.phase ?? ''}
              options={[
                { value: '', label: 'Any phase' },
                ...ENGAGEMENT_PHASES.map((phase) => ({ value: phase, label: phaseLabel(t, phase) })),
              ]}
            />
          </Field>
          <Field label="Currency" htmlFor="currency">
            <Select
              id="currency"
              name="currency"
              defaultValue={query.currency ?? ''}
              options={[
                { value: '', label: 'Any currency' },
                ...options.currencies.map((currency) => ({ value: currency, label: currency })),
              ]}
            />
          </Field>
          <Field label="Live or test" htmlFor="isTest">
            <Select
              id="isTest"
              name="isTest"
              defaultValue={query.isTest ? 'true' : 'false'}
              options={[
                { value: 'false', label: 'Live cases' },
                { value: 'true', label: 'Test cases' },
              ]}
            />
          </Field>
          <Field label="Sort by" htmlFor="sort">
            <Select
              id="sort"
              name="sort"
              defaultValue={query.sort}
              options={CASE_SORTS.map((sort) => ({ value: sort, label: SORT_LABELS[sort] }))}
            />
          </Field>
          <Field label="Order" htmlFor="dir">
            <Select
              id="dir"
              name="dir"
              defaultValue={query.dir}
              options={[
                { value: 'desc', label: 'Newest / largest / Z first' },
                { value: 'asc', label: 'Oldest / smallest / A first' },
              ]}
            />
          </Field>
          <div className="flex items-end pb-2">
            <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
              <input
                type="checkbox"
                name="unread"
                value="true"
                defaultChecked={query.unread}
                className="size-4 rounded border-slate-300 accent-slate-900"
              />
              Only cases with unread chat
            </label>
          </div>
        </div>
        <div className="flex justify-end border-t border-slate-100 px-3 py-2">
          <Button type="submit" size="sm">
            Apply filters
          </Button>
        </div>
      </details>
    </form>
  );
}
