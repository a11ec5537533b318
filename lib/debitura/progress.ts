import { listRecentRuns, progressOf, type SyncRun } from './sync-runs';

/** Import and repair runs as the page shows them (plain JSON: the same shape from the server render and from polling). */

export type RunView = {
  id: string;
  status: SyncRun['status'];
  done: number;
  total: number | null;
  perSecond: number | null;
  secondsLeft: number | null;
  eventsRecovered: number;
  differencesFixed: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
};

export type SyncProgress = { latestImport: RunView | null; repairs: RunView[] };

export async function getSyncProgress(): Promise<SyncProgress> {
  const [imports, repairs] = await Promise.all([listRecentRuns('import', 1), listRecentRuns('repair', 10)]);
  return { latestImport: imports[0] ? toView(imports[0]) : null, repairs: repairs.map((run) => toView(run)) };
}

function toView(run: SyncRun): RunView {
  const progress = progressOf(run);
  return {
    id: run.id,
    status: run.status,
    done: progress.done,
    total: progress.total,
    perSecond: progress.perSecond,
    secondsLeft: progress.secondsLeft,
    eventsRecovered: run.eventsRecovered,
    differencesFixed: run.differencesFixed,
    error: run.error,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
