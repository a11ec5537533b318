import type pg from 'pg';
import { applyInBulk, applyIsolated, describeError } from '@/lib/cases/apply/apply';
import { ApplyError } from '@/lib/cases/apply/errors';
import { toDomainEvent, type DomainEvent } from '@/lib/cases/apply/events';
import { withConflictRetry } from '@/lib/database/conflict-retry';
import { getPool, withTransaction } from '@/lib/database/pool';
import { notifyLiveMany } from '@/lib/live/notify';
import { APPLY_RETRY, recordAttempts, type AttemptOutcome, type RetryPolicy } from './apply-attempts';
import { parseEnvelope } from './envelope';
import { isKnownEventType } from './normalize';

/**
 * Applies stored webhook events to the domain, from the inbox, after the acknowledgement.
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so every app instance can run this at once
 * without two of them taking the same event; cases are locked in the one lock order
 * (lib/database/conflict-retry.ts), so two batches wait for each other rather than deadlock. A batch is one transaction: outcomes
 * commit together with the domain rows, and a crash loses nothing (the rows stay `received`).
 *
 * No single event can stall the inbox, whatever it throws (apply-attempts.ts says how a failed
 * event is retried and then set aside). A pass narrows down in three steps:
 *   1. the batch in bulk (a few statements for the lot);
 *   2. if that throws, the batch again with each event in a savepoint, so only the culprit fails;
 *   3. if even that throws (an error a savepoint cannot hold: a broken connection, a deadlock
 *      every time), the batch one event per transaction, and an event whose transaction throws
 *      has that attempt recorded on its own.
 * Between the steps, an error is the database's and not the events' when the database does
 * not answer at all: then the pass stops and the job backs off, and no event is charged.
 */

export const BATCH_SIZE = 200;
const ONE_ATTEMPT: RetryPolicy = { ...APPLY_RETRY, maxAttempts: 1 };

type InboxRow = { id: string; raw_body: string; is_test: boolean };
export type BatchResult = {
  claimed: number;
  applied: number;
  failed: number;
  ignored: number;
  /** Failed this time, to be tried again later. */
  retrying: number;
  isDetailPending: boolean;
  outcomes: AttemptOutcome[];
};

type Claim = { kind: 'pending'; limit: number } | { kind: 'ids'; ids: string[] };

/** One pass over the events due (`received`, not waiting for a retry). Used by the background job. */
export async function applyPendingEvents(
  pool: pg.Pool = getPool(),
  limit = BATCH_SIZE,
  policy: RetryPolicy = APPLY_RETRY,
): Promise<BatchResult> {
  const claim: Claim = { kind: 'pending', limit };
  try {
    return await applyBatch(pool, claim, false, policy);
  } catch (error) {
    await throwIfDatabaseDown(pool, error);
  }
  try {
    return await applyBatch(pool, claim, true, policy);
  } catch (error) {
    await throwIfDatabaseDown(pool, error);
  }
  const total = emptyResult();
  for (let count = 0; count < limit; count++) {
    const result = await applyAlone(pool, { kind: 'pending', limit: 1 }, policy);
    if (!result.claimed) break;
    addTo(total, result);
  }
  return total;
}

/**
 * Re-applies the given events whatever their status (an admin's reprocess after a fix), one
 * savepoint each. The admin is told the outcome at once, so an event that still fails is
 * `failed` again, not put back for automatic retries. Applying is idempotent, so reprocessing
 * an applied event changes nothing.
 */
export async function reprocessEvents(ids: string[], pool: pg.Pool = getPool()): Promise<BatchResult> {
  await pool.query('UPDATE webhook_events SET next_attempt_at = NULL WHERE id = ANY($1::text[])', [ids]);
  const total = emptyResult();
  for (let start = 0; start < ids.length; start += BATCH_SIZE) {
    const chunk = ids.slice(start, start + BATCH_SIZE);
    try {
      addTo(total, await applyBatch(pool, { kind: 'ids', ids: chunk }, true, ONE_ATTEMPT));
    } catch (error) {
      await throwIfDatabaseDown(pool, error);
      for (const id of chunk) addTo(total, await applyAlone(pool, { kind: 'ids', ids: [id] }, ONE_ATTEMPT));
    }
  }
  return total;
}

/** One event in its own transaction; if that throws, the attempt is recorded against the event alone. */
async function applyAlone(pool: pg.Pool, claim: Claim, policy: RetryPolicy): Promise<BatchResult> {
  let claimedId: string | undefined;
  try {
    return await applyBatch(pool, claim, true, policy, (rows) => (claimedId = rows[0]?.id));
  } catch (error) {
    if (!claimedId) throw error;
    await throwIfDatabaseDown(pool, error);
    const outcome: AttemptOutcome = { id: claimedId, status: 'failed', error: describeError(error) };
    const retrying = await withTransaction((client) => recordAttempts(client, [outcome], policy), pool);
    return tally(emptyResult(1), [outcome], retrying);
  }
}

async function applyBatch(
  pool: pg.Pool,
  claim: Claim,
  isolate: boolean,
  policy: RetryPolicy,
  onClaimed?: (rows: InboxRow[]) => void,
): Promise<BatchResult> {
  // A deadlock is redone whole, at once; one that keeps coming back falls to the next step.
  return withConflictRetry(() =>
    withTransaction(async (client) => {
      const rows = await claimRows(client, claim);
      onClaimed?.(rows);
      const result = emptyResult(rows.length);
      if (!rows.length) return result;

      const outcomes: AttemptOutcome[] = [];
      const byCase = new Map<string, DomainEvent[]>();
      for (const row of rows) {
        const prepared = prepare(row);
        if ('status' in prepared) {
          outcomes.push(prepared);
          continue;
        }
        const events = byCase.get(prepared.reference) ?? [];
        events.push(prepared);
        byCase.set(prepared.reference, events);
      }
      const applied = await (isolate ? applyIsolated : applyInBulk)(client, byCase);
      outcomes.push(...applied.outcomes);
      result.isDetailPending = applied.isDetailPending;
      const retrying = await recordAttempts(client, outcomes, policy);
      await notifyLiveMany(client, 'case.changed', [...byCase.keys()]); // open pages refresh when this commits
      return tally(result, outcomes, retrying);
    }, pool),
  );
}

async function claimRows(client: pg.ClientBase, claim: Claim): Promise<InboxRow[]> {
  if (claim.kind === 'ids') {
    const { rows } = await client.query<InboxRow>(
      'SELECT id, raw_body, is_test FROM webhook_events WHERE id = ANY($1::text[]) ORDER BY received_at FOR UPDATE',
      [claim.ids],
    );
    return rows;
  }
  const { rows } = await client.query<InboxRow>(
    `SELECT id, raw_body, is_test FROM webhook_events
     WHERE status = 'received' AND (next_attempt_at IS NULL OR next_attempt_at <= now())
     ORDER BY received_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [claim.limit],
  );
  return rows;
}

/** The stored raw body is the source of truth: it is parsed again, so a fix in the parsing applies on reprocess. */
function prepare(row: InboxRow): DomainEvent | AttemptOutcome {
  const parsed = parseEnvelope(row.raw_body);
  if (!parsed.ok) {
    return { id: row.id, status: 'failed', error: `stored body no longer parses: ${parsed.reason}`, isFinal: true };
  }
  const envelope = parsed.envelope;
  if (!isKnownEventType(envelope.type)) return { id: row.id, status: 'ignored' };
  try {
    return toDomainEvent({ ...envelope, type: envelope.type });
  } catch (error) {
    // Bad data fails at once; anything else (a bug in the parsing) is retried like any error.
    return { id: row.id, status: 'failed', error: describeError(error), isFinal: error instanceof ApplyError };
  }
}

/**
 * An error is charged to the events only while the database answers: when even `SELECT 1`
 * fails, the pass stops here (rethrowing) and the job backs off.
 */
async function throwIfDatabaseDown(pool: pg.Pool, error: unknown): Promise<void> {
  const isUp = await pool.query('SELECT 1').then(
    () => true,
    () => false,
  );
  if (!isUp) throw error;
}

function emptyResult(claimed = 0): BatchResult {
  return { claimed, applied: 0, failed: 0, ignored: 0, retrying: 0, isDetailPending: false, outcomes: [] };
}

function tally(result: BatchResult, outcomes: AttemptOutcome[], retrying: Set<string>): BatchResult {
  for (const outcome of outcomes) {
    if (retrying.has(outcome.id)) result.retrying += 1;
    else result[outcome.status] += 1;
  }
  result.outcomes.push(...outcomes);
  return result;
}

function addTo(total: BatchResult, result: BatchResult): void {
  total.claimed += result.claimed;
  total.applied += result.applied;
  total.failed += result.failed;
  total.ignored += result.ignored;
  total.retrying += result.retrying;
  total.isDetailPending ||= result.isDetailPending;
  total.outcomes.push(...result.outcomes);
}
