import { Button, ButtonLink } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/input';
import { LiveTestSelect } from '@/components/ui/live-test-select';
import { Select } from '@/components/ui/select';
import type { Assignee } from '@/lib/assignment/queries';
import { englishVocabulary, recipientLabel } from '@/lib/i18n/vocabulary';
import { RECONCILIATION_STATUSES, STATUS_LABELS, type PaymentFilter } from '@/lib/payments/filters';
import { PAYMENT_RECIPIENTS } from '@/lib/payments/recipients';

/** The /payments filters: a plain GET form, so every view is a URL that can be bookmarked. */
export function PaymentFilters({ filter, assignees }: { filter: PaymentFilter; assignees: Assignee[] }) {
  return (
    <form
      method="get"
      action="/payments"
      aria-label="Filter payments"
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4"
    >
      <Field label="Status" htmlFor="filter-status">
        <Select
          id="filter-status"
          name="status"
          defaultValue={filter.status ?? ''}
          options={[
            { value: '', label: 'Any' },
            ...RECONCILIATION_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] })),
          ]}
        />
      </Field>
      <Field label="Recipient" htmlFor="filter-recipient">
        <Select
          id="filter-recipient"
          name="recipient"
          defaultValue={filter.recipient ?? ''}
          options={[
            { value: '', label: 'Any' },
            ...PAYMENT_RECIPIENTS.map((recipient) => ({
              value: recipient,
              label: recipientLabel(englishVocabulary, recipient) ?? recipient,
            })),
          ]}
        />
      </Field>
      <Field label="Currency" htmlFor="filter-currency">
        <Input
          id="filter-currency"
          name="currency"
          defaultValue={filter.currency ?? ''}
          placeholder="EUR"
          maxLength={3}
          autoCapitalize="characters"
        />
      </Field>
      <Field label="Paid from" htmlFor="filter-from">
        <Input id="filter-from" name="from" type="date" defaultValue={filter.from ?? ''} />
      </Field>
      <Field label="Paid until" htmlFor="filter-to">
        <Input id="filter-to" name="to" type="date" defaultValue={filter.to ?? ''} />
      </Field>
      <Field label="Collector" htmlFor="filter-collector">
        <Select
          id="filter-collector"
          name="collector"
          defaultValue={filter.collector ?? ''}
          options={[
            { value: '', label: 'Anyone' },
            { value: 'unassigned', label: 'Unassigned' },
            ...assignees.map((user) => ({
              value: user.id,
              label: user.role === 'collector' ? user.name : `${user.name} (${user.role})`,
            })),
          ]}
        />
      </Field>
      <Field label="Deleted" htmlFor="filter-deleted">
        <Select
          id="filter-deleted"
          name="deleted"
          defaultValue={filter.deleted ?? ''}
          options={[
            { value: '', label: 'Included' },
            { value: 'exclude', label: 'Hidden' },
            { value: 'only', label: 'Only deleted' },
          ]}
        />
      </Field>
      <Field label="Cases" htmlFor="filter-test">
        <LiveTestSelect id="filter-test" isTest={filter.isTest} />
      </Field>
      {filter.case ? <input type="hidden" name="case" value={filter.case} /> : null}
      <div className="col-span-full flex flex-wrap gap-2">
        <Button type="submit">Apply filters</Button>
        <ButtonLink href="/payments" variant="ghost">
          Reset
        </ButtonLink>
        {filter.case ? <span className="self-center text-sm text-slate-600">Only case {filter.case}</span> : null}
      </div>
    </form>
  );
}
