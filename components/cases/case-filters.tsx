import { useTranslations } from 'next-intl';
import { Button, ButtonLink } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { CLOSE_CODES } from '@/lib/cases/close-codes';
import { ENGAGEMENT_PHASES } from '@/lib/cases/engagement-phases';
import { CASE_SORTS, type CaseListQuery } from '@/lib/cases/filters';
import type { FilterOptions } from '@/lib/cases/queries';
import { closeCodeLabel, phaseLabel } from '@/lib/i18n/vocabulary';

/**
 * The list's filters as a plain GET form: the URL is the state, so a view can be bookmarked
 * and shared, and the form works before any JavaScript has loaded.
 */
export function CaseFilters({ query, options }: { query: CaseListQuery; options: FilterOptions }) {
  const t = useTranslations('cases.filters');
  const vocabulary = useTranslations('vocabulary');
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
    <form method="get" action="/cases" role="search" aria-label={t('label')} className="space-y-3">
      {query.state ? <input type="hidden" name="state" value={query.state} /> : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <Field label={t('search')} htmlFor="q" className="flex-1" hint={t('searchHint')}>
          <Input
            id="q"
            name="q"
            type="search"
            defaultValue={query.q ?? ''}
            placeholder={t('searchPlaceholder')}
            aria-describedby="q-hint"
            maxLength={100}
          />
        </Field>
        <div className="flex gap-2 sm:mb-5">
          <Button type="submit">{t('apply')}</Button>
          <ButtonLink href="/cases" variant="ghost">
            {t('reset')}
          </ButtonLink>
        </div>
      </div>
      <details open={hasMoreFilters} className="group rounded-lg border border-slate-200 bg-white">
        <summary
          className={[
            'cursor-pointer px-3 py-2 text-sm font-medium text-slate-700 select-none',
            'focus-visible:outline-2 focus-visible:outline-slate-900',
          ].join(' ')}
        >
          {t('more')}
        </summary>
        <div className="grid grid-cols-1 gap-3 border-t border-slate-100 p-3 sm:grid-cols-2 lg:grid-cols-4">
          <Field label={t('assignee')} htmlFor="assignee">
            <Select
              id="assignee"
              name="assignee"
              defaultValue={query.assignee ?? ''}
              options={[
                { value: '', label: options.assignees.length ? t('anyone') : t('mineAndUnassigned') },
                { value: 'me', label: t('assignedToMe') },
                { value: 'unassigned', label: t('unassigned') },
                ...options.assignees.map((user) => ({ value: user.id, label: user.name })),
              ]}
            />
          </Field>
          <Field label={t('closeCode')} htmlFor="closeCode">
            <Select
              id="closeCode"
              name="closeCode"
              defaultValue={query.closeCode ?? ''}
              options={[
                { value: '', label: t('anyCloseCode') },
                ...CLOSE_CODES.map((info) => ({ value: info.code, label: closeCodeLabel(vocabulary, info.code) })),
              ]}
            />
          </Field>
          <Field label={t('phase')} htmlFor="phase">
            <Select
              id="phase"
              name="phase"
              defaultValue={query.phase ?? ''}
              options={[
                { value: '', label: t('anyPhase') },
                ...ENGAGEMENT_PHASES.map((phase) => ({ value: phase, label: phaseLabel(vocabulary, phase) })),
              ]}
            />
          </Field>
          <Field label={t('currency')} htmlFor="currency">
            <Select
              id="currency"
              name="currency"
              defaultValue={query.currency ?? ''}
              options={[
                { value: '', label: t('anyCurrency') },
                ...options.currencies.map((currency) => ({ value: currency, label: currency })),
              ]}
            />
          </Field>
          <Field label={t('liveOrTest')} htmlFor="isTest">
            <Select
              id="isTest"
              name="isTest"
              defaultValue={query.isTest ? 'true' : 'false'}
              options={[
                { value: 'false', label: t('live') },
                { value: 'true', label: t('test') },
              ]}
            />
          </Field>
          <Field label={t('sortBy')} htmlFor="sort">
            <Select
              id="sort"
              name="sort"
              defaultValue={query.sort}
              options={CASE_SORTS.map((sort) => ({ value: sort, label: t(`sort.${sort}`) }))}
            />
          </Field>
          <Field label={t('order')} htmlFor="dir">
            <Select
              id="dir"
              name="dir"
              defaultValue={query.dir}
              options={[
                { value: 'desc', label: t('desc') },
                { value: 'asc', label: t('asc') },
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
              {t('unread')}
            </label>
          </div>
        </div>
        <div className="flex justify-end border-t border-slate-100 px-3 py-2">
          <Button type="submit" size="sm">
            {t('applyAll')}
          </Button>
        </div>
      </details>
    </form>
  );
}
