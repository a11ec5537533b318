import { useTranslations } from 'next-intl';
import { Button, ButtonLink } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/input';
import { LiveTestSelect } from '@/components/ui/live-test-select';
import { Select } from '@/components/ui/select';
import type { Assignee } from '@/lib/assignment/queries';
import { recipientLabel } from '@/lib/i18n/vocabulary';
import { RECONCILIATION_STATUSES, type PaymentFilter } from '@/lib/payments/filters';
import { PAYMENT_RECIPIENTS } from '@/lib/payments/recipients';

/** The /payments filters: a plain GET form, so every view is a URL that can be bookmarked. */
export function PaymentFilters({ filter, assignees }: { filter: PaymentFilter; assignees: Assignee[] }) {
  const t = useTranslations('payments');
  const vocabulary = useTranslations('vocabulary');
  const common = useTranslations('common');
  return (
    <form
      method="get"
      action="/payments"
      aria-label={t('filters.label')}
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4"
    >
      <Field label={t('filters.status')} htmlFor="filter-status">
        <Select
          id="filter-status"
          name="status"
          defaultValue={filter.status ?? ''}
          options={[
            { value: '', label: t('filters.any') },
            ...RECONCILIATION_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
          ]}
        />
      </Field>
      <Field label={t('filters.recipient')} htmlFor="filter-recipient">
        <Select
          id="filter-recipient"
          name="recipient"
          defaultValue={filter.recipient ?? ''}
          options={[
            { value: '', label: t('filters.any') },
            ...PAYMENT_RECIPIENTS.map((recipient) => ({
              value: recipient,
              label: recipientLabel(vocabulary, recipient) ?? recipient,
            })),
          ]}
        />
      </Field>
      <Field label={t('filters.currency')} htmlFor="filter-currency">
        <Input
          id="filter-currency"
          name="currency"
          defaultValue={filter.currency ?? ''}
          placeholder="EUR"
          maxLength={3}
          autoCapitalize="characters"
        />
      </Field>
      <Field label={t('filters.paidFrom')} htmlFor="filter-from">
        <Input id="filter-from" name="from" type="date" defaultValue={filter.from ?? ''} />
      </Field>
      <Field label={t('filters.paidUntil')} htmlFor="filter-to">
        <Input id="filter-to" name="to" type="date" defaultValue={filter.to ?? ''} />
      </Field>
      <Field label={t('filters.collector')} htmlFor="filter-collector">
        <Select
          id="filter-collector"
          name="collector"
          defaultValue={filter.collector ?? ''}
          options={[
            { value: '', label: t('filters.anyone') },
            { value: 'unassigned', label: t('filters.unassigned') },
            ...assignees.map((user) => ({
              value: user.id,
              label:
                user.role === 'collector'
                  ? user.name
                  : t('filters.assigneeWithRole', { name: user.name, role: common(`role.${user.role}`) }),
            })),
          ]}
        />
      </Field>
      <Field label={t('filters.deleted')} htmlFor="filter-deleted">
        <Select
          id="filter-deleted"
          name="deleted"
          defaultValue={filter.deleted ?? ''}
          options={[
            { value: '', label: t('filters.deletedIncluded') },
            { value: 'exclude', label: t('filters.deletedHidden') },
            { value: 'only', label: t('filters.deletedOnly') },
          ]}
        />
      </Field>
      <Field label={t('filters.cases')} htmlFor="filter-test">
        <LiveTestSelect id="filter-test" isTest={filter.isTest} />
      </Field>
      {filter.case ? <input type="hidden" name="case" value={filter.case} /> : null}
      <div className="col-span-full flex flex-wrap gap-2">
        <Button type="submit">{t('filters.apply')}</Button>
        <ButtonLink href="/payments" variant="ghost">
          {t('filters.reset')}
        </ButtonLink>
        {filter.case ? (
          <span className="self-center text-sm text-slate-600">
            {t('filters.onlyCase', { reference: filter.case })}
          </span>
        ) : null}
      </div>
    </form>
  );
}
