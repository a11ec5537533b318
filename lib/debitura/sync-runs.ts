import type pg from 'pg';
import { describeError } from '@/lib/cases/apply/apply';
import { getPool } from '@/lib/database/pool';
import { RetryableApiError } from '@/lib/debitura-api/client';
import { requireApi } from './connect';
import { toConnectionError } from './errors';
import { importPage } from './import';
import { repairPage } from './repair';

/**
 * Import and repair runs, one page of cases per step, with their progress in
 * `debitura_sync_runs`: a run is taken by whoever holds its lease (the sync job in any
 * instance, or the CLI), the lease is renewed every page, and a process that dies simply lets
 * it lapse; the next taker goes on from `next_page`. Pages are idempotent to redo (the inbox
 * dedupes by event id), so a crash mid-page costs only that page again. One run of each kind
 * at a time: starting one while another runs returns the running one.
 */

export type RunKind = 'import' | 'repair';

export type SyncRun = {
  id: string;
  kind: RunKind;
  status: 'running' | 'done' | 'failed';
  includeTest: boolean;
  since: Date | null;
  nextPage: number;
  totalCases: number | null;
  casesDone: number;
  eventsRecovered: number;
  differencesFixed: number;
  error: string | null;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
};

export type PageResult = {
  casesDone: number;
  totalCases: number | null;
  eventsRecovered: number;
  differencesFixed: number;
  isLastPage: boolean;
};

/** Repairs look a little before their window, for clock skew between Debitura and us. */
export const REPAIR_MARGIN_MS = 5 * 60_000;

const COLUMNS = `id, kind, status, include_test AS "includeTest", since, next_page AS "nextPage", total_cases AS "totalCases",
  cases_done AS "casesDone", events_recovered AS "eventsRecovered", differences_fixed AS "differencesFixed", error,
  started_at AS "startedAt", updated_at AS "updatedAt", finished_at AS "finishedAt"`;

function leaseSeconds(): number {
  return Number(process.env.DEBITURA_SYNC_LEASE_SECONDS ?? 60);
}

export async function startRun(
  kind: RunKind,
  options: { includeTest?: boolean; since?: Date | null; unlessStartedWithinMs?: number } = {},
  pool: pg.Pool = getPool(),
): Promise<SyncRun> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // One starter at a time, so two clicks (or two instances) make one run.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('debitura-sync-start'))");
    const { rows: running } = await client.query<SyncRun>(
      `SELECT ${COLUMNS} FROM debitura_sync_runs WHERE kind = $1 AND status = 'running' ORDER BY started_at LIMIT 1`,
      [kind],
    );
    if (running[0]) {
      await client.query('COMMIT');
      return running[0];
    }
    if (options.unlessStartedWithinMs) {
      // The scheduled repair, run by every instance: the first one in the interval starts it.
      const { rows: recent } = await client.query<SyncRun>(
        `SELECT ${COLUMNS} FROM debitura_sync_runs WHERE kind = $1 AND started_at > now() - make_interval(secs => $2)
         ORDER BY started_at DESC LIMIT 1`,
        [kind, options.unlessStartedWithinMs / 1000],
      );
      if (recent[0]) {
        await client.query('COMMIT');
        return recent[0];
      }
    }
    const { rows } = await client.query<SyncRun>(
      `INSERT INTO debitura_sync_runs (id, kind, status, include_test, since) VALUES (gen_random_uuid(), $1, 'running', $2, $3)
       RETURNING ${COLUMNS}`,
      [kind, options.includeTest ?? false, options.since ?? null],
    );
    await client.query('COMMIT');
    return rows[0];
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export async function getRun(id: string, pool: pg.Pool = getPool()): Promise<SyncRun | null> {
  const { rows } = await pool.query<SyncRun>(`SELECT ${COLUMNS} FROM debitura_sync_runs WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function listRecentRuns(kind: RunKind, limit = 10, pool: pg.Pool = getPool()): Promise<SyncRun[]> {
  const { rows } = await pool.query<SyncRun>(
    `SELECT ${COLUMNS} FROM debitura_sync_runs WHERE kind = $1 ORDER BY started_at DESC LIMIT $2`,
    [kind, limit],
  );
  return rows;
}

/** Takes a running run whose lease has lapsed (a given one, or the oldest), or null. */
export async function claimRun(runId: string | null = null, pool: pg.Pool = getPool()): Promise<SyncRun | null> {
  const { rows } = await pool.query<SyncRun>(
    `UPDATE debitura_sync_runs SET lease_until = now() + make_interval(secs => $2), updated_at = now()
     WHERE id = (SELECT id FROM debitura_sync_runs
                 WHERE status = 'running' AND (lease_until IS NULL OR lease_until < now()) AND ($1::uuid IS NULL OR id = $1)
                 ORDER BY started_at LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING ${COLUMNS}`,
    [runId, leaseSeconds()],
  );
  return rows[0] ?? null;
}

/**
 * One page of a claimed run, its progress saved with the lease renewed (or released when the
 * run ends). A Debitura that does not answer or asks us to slow down keeps the run going
 * later; a clear refusal ends it as failed. Returns the run as saved.
 */
export async function stepRun(run: SyncRun, pool: pg.Pool = getPool()): Promise<SyncRun> {
  let result: PageResult;
  try {
    const config = await requireApi();
    result = run.kind === 'import' ? await importPage(config, run, pool) : await repairPage(config, run, pool);
  } catch (error) {
    const isRetryable = error instanceof RetryableApiError;
    const problem = toConnectionError(error);
    const message = problem ? `${problem.problem}: ${problem.detail ?? problem.message}` : describeError(error);
    const waitSeconds = isRetryable ? Math.max(5, Math.ceil((error.retryAfterMs ?? 0) / 1000)) : 0;
    const { rows } = await pool.query<SyncRun>(
      `UPDATE debitura_sync_runs SET error = $2, updated_at = now(),
         status = CASE WHEN $3 THEN status ELSE 'failed' END,
         finished_at = CASE WHEN $3 THEN NULL ELSE now() END,
         lease_until = CASE WHEN $3 THEN now() + make_interval(secs => $4) ELSE NULL END
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [run.id, message.slice(0, 2000), isRetryable, waitSeconds],
    );
    return rows[0];
  }
  const { rows } = await pool.query<SyncRun>(
    `UPDATE debitura_sync_runs SET next_page = next_page + 1, cases_done = cases_done + $2,
       total_cases = COALESCE($3, total_cases), events_recovered = events_recovered + $4,
       differences_fixed = differences_fixed + $5, error = NULL, updated_at = now(),
       status = CASE WHEN $6 THEN 'done' ELSE status END, finished_at = CASE WHEN $6 THEN now() ELSE NULL END,
       lease_until = CASE WHEN $6 THEN NULL ELSE now() + make_interval(secs => $7) END
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [
      run.id,
      result.casesDone,
      result.totalCases,
      result.eventsRecovered,
      result.differencesFixed,
      result.isLastPage,
      leaseSeconds(),
    ],
  );
  const saved = rows[0];
  if (saved.status === 'done') await markCovered(saved, pool);
  return saved;
}

/** Everything up to the run's start is now known: the next repair starts there. */
async function markCovered(run: SyncRun, pool: pg.Pool) {
  await pool.query(
    `INSERT INTO debitura_connection (id, repaired_until) VALUES (1, $1)
     ON CONFLICT (id) DO UPDATE SET repaired_until = GREATEST(debitura_connection.repaired_until, EXCLUDED.repaired_until),
       updated_at = now()`,
    [run.startedAt],
  );
}

export type Progress = { done: number; total: number | null; perSecond: number | null; secondsLeft: number | null };

export function progressOf(run: SyncRun, now = new Date()): Progress {
  const elapsed = (now.getTime() - run.startedAt.getTime()) / 1000;
  const perSecond = elapsed > 0 && run.casesDone > 0 ? run.casesDone / elapsed : null;
  const remaining = run.totalCases === null ? null : Math.max(0, run.totalCases - run.casesDone);
  return {
    done: run.casesDone,
    total: run.totalCases,
    perSecond,
    secondsLeft: perSecond && remaining !== null ? Math.round(remaining / perSecond) : null,
  };
}
