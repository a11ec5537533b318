'use client';

import { useActionState } from 'react';
import useSWR from 'swr';
import { useFormatter, useTranslations } from 'next-intl';
import { ActionButton } from '@/components/admin/action-button';
import {
  buttonClass,
  cellClass,
  headCellClass,
  labelClass,
  tableClass,
  tableFrameClass,
} from '@/components/admin/styles';
import { IDLE, type FormState } from '@/lib/admin/form-state';
import { importAction, repairAction } from '@/lib/debitura/actions';
import type { RunView, SyncProgress } from '@/lib/debitura/progress';
import { fetcher } from '@/lib/swr/fetcher';

/** Import and repair, live: polled every two seconds while a run is going, still otherwise. */
export function SyncPanel({ initial }: { initial: SyncProgress }) {
  const { data = initial, mutate } = useSWR<SyncProgress>('/api/admin/debitura', fetcher, {
    fallbackData: initial,
    refreshInterval: (latest) => (isRunning(latest ?? initial) ? 2_000 : 10_000),
  });
  return (
    <>
      <ImportSection run={data.latestImport} onStarted={() => mutate()} />
      <RepairSection runs={data.repairs} />
    </>
  );
}

const isRunning = (progress: SyncProgress) =>
  progress.latestImport?.status === 'running' || progress.repairs.some((run) => run.status === 'running');

function ImportSection({ run, onStarted }: { run: RunView | null; onStarted: () => Promise<unknown> }) {
  const t = useTranslations('connection.import');
  // The progress shows at once, rather than at the next slow poll.
  const [state, action, isPending] = useActionState(async (previous: FormState, formData: FormData) => {
    const result = await importAction(previous, formData);
    await onStarted();
    return result;
  }, IDLE);
  return (
    <section aria-labelledby="import-heading" className="space-y-3">
      <h2 id="import-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      <div role="status" aria-live="polite" className="space-y-1 text-sm" data-testid="import-progress">
        {run ? <ImportProgress run={run} /> : <p>{t('none')}</p>}
      </div>
      <form action={action} className="flex flex-wrap items-center gap-3">
        <div className="flex items-center gap-2">
          <input id="import-include-test" name="includeTest" type="checkbox" className="h-4 w-4" />
          <label htmlFor="import-include-test" className={labelClass}>
            {t('includeTest')}
          </label>
        </div>
        <button type="submit" disabled={isPending || run?.status === 'running'} className={buttonClass}>
          {t('start')}
        </button>
        <span className={`text-sm ${state.status === 'error' ? 'text-red-700' : 'text-slate-700'}`}>
          {state.message}
        </span>
      </form>
    </section>
  );
}

function ImportProgress({ run }: { run: RunView }) {
  const t = useTranslations('connection.import');
  const count =
    run.total === null ? t('progressUnknown', { done: run.done }) : t('progress', { done: run.done, total: run.total });
  if (run.status === 'done') return <p>{t('done', { done: run.done })}</p>;
  if (run.status === 'failed') return <p className="text-red-700">{t('failed', { error: run.error ?? '' })}</p>;
  return (
    <>
      <label className="block">
        <span className="block">{count}</span>
        <progress className="w-full max-w-md" max={run.total ?? undefined} value={run.done} />
      </label>
      {run.perSecond && run.secondsLeft !== null ? (
        <p className="text-slate-600">
          {t('rate', { rate: Math.round(run.perSecond * 10) / 10, seconds: run.secondsLeft })}
        </p>
      ) : null}
      {run.error ? <p className="text-amber-800">{t('waiting', { error: run.error })}</p> : null}
    </>
  );
}

function RepairSection({ runs }: { runs: RunView[] }) {
  const t = useTranslations('connection.repair');
  const format = useFormatter();
  return (
    <section aria-labelledby="repair-heading" className="space-y-3">
      <h2 id="repair-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      <ActionButton action={repairAction} fields={{}} label={t('start')} />
      {runs.length ? (
        <div className={tableFrameClass}>
          <table className={tableClass}>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={headCellClass}>
                  {t('startedAt')}
                </th>
                <th scope="col" className={headCellClass}>
                  {t('status')}
                </th>
                <th scope="col" className={headCellClass}>
                  {t('checked')}
                </th>
                <th scope="col" className={headCellClass}>
                  {t('recovered')}
                </th>
                <th scope="col" className={headCellClass}>
                  {t('fixed')}
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} className="border-t border-slate-100">
                  <td className={cellClass}>
                    {format.dateTime(new Date(run.startedAt), { dateStyle: 'medium', timeStyle: 'short' })}
                  </td>
                  <td className={cellClass}>
                    {t(run.status)}
                    {run.error ? <span className="block text-xs text-slate-600">{run.error}</span> : null}
                  </td>
                  <td className={cellClass}>{format.number(run.done)}</td>
                  <td className={cellClass}>{format.number(run.eventsRecovered)}</td>
                  <td className={cellClass}>{format.number(run.differencesFixed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t('none')}</p>
      )}
    </section>
  );
}
