import type pg from 'pg';
import { applyInBulk, applyIsolated, describeError, type EventOutcome } from '@/lib/cases/apply/apply';
import { toDomainEvent, type DomainEvent } from '@/lib/cases/apply/events';
import { getPool, isTransientDatabaseError, withTransaction } from '@/lib/database/pool';
import { notifyLiveMany } from '@/lib/live/notify';
import { parseEnvelope } from './envelope';
import { isKnownEventType } from './normalize';

/**
 * Applies stored webhook events to the domain, from the inbox, after the acknowledgement.
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so every app instance can run this at once
 * without two of them taking the same event; cases are locked in reference order, so two
 * batches wait for each other rather than deadlock. A batch is one transaction: outcomes
 * commit together with the domain rows, and a crash loses nothing (the rows stay `received`).
 * The batch is applied in bulk (a few statements for the lot); if that throws for any reason
 * but a transient one, it is redone event by event in savepoints, and only the culprit fails.
 */

export const BATCH_SIZE = 200;

type InboxRow = { id: string; raw_body: string; is_test: boolean };
type Outcome = { id: string; status: 'applied' | 'failed' | 'ignored'; error?: string };
export type BatchResult = {
  claimed: number;
  applied: number;
  failed: number;
  ignored: number;
  isDetailPending: boolean;
  outcomes: Outcome[];
};

type Claim = { kind: 'pending'; limit: number } | { kind: 'ids'; ids: string[] };

/** One pass over events still `received`. Used by the background job. */
export async function applyPendingEvents(pool: pg.Pool = getPool(), limit = BATCH_SIZE): Promise<BatchResult> {
  try {
    return await applyBatch(pool, { kind: 'pending', limit }, false);
  } catch (error) {
    if (isTransientDatabaseError(error)) throw error;
    // Something in the batch throws: redo it one savepoint per event, so only that one fails.
    return applyBatch(pool, { kind: 'pending', limit }, true);
  }
}

/**
 * Re-applies the given events whatever their status (an admin's reprocess after a fix), one
 * savepoint each. Applying is idempotent, so reprocessing an applied event changes nothing.
 */
export async function reprocessEvents(ids: string[], pool: pg.Pool = getPool()): Promise<BatchResult> {
  const total: BatchResult = { claimed: 0, applied: 0, failed: 0, ignored: 0, isDetailPending: false, outcomes: [] };
  for (let start = 0; start < ids.length; start += BATCH_SIZE) {
    const result = await applyBatch(pool, { kind: 'ids', ids: ids.slice(start, start + BATCH_SIZE) }, true);
    total.claimed += result.claimed;
    total.applied += result.applied;
    total.failed += result.failed;
    total.ignored += result.ignored;
    total.isDetailPending ||= result.isDetailPending;
    total.outcomes.push(...result.outcomes);
  }
  return total;
}

async function applyBatch(pool: pg.Pool, claim: Claim, isolate: boolean): Promise<BatchResult> {
  return withTransaction(async (client) => {
    const rows = await claimRows(client, claim);
    const result: BatchResult = {
      claimed: rows.length,
      applied: 0,
      failed: 0,
      ignored: 0,
      isDetailPending: false,
      outcomes: [],
    };
    if (!rows.length) return result;

    const byCase = new Map<string, DomainEvent[]>();
    for (const row of rows) {
      const prepared = prepare(row);
      if ('status' in prepared) {
        result.outcomes.push(prepared);
        continue;
      }
      const events = byCase.get(prepared.reference) ?? [];
      events.push(prepared);
      byCase.set(prepared.reference, events);
    }
    const applied = await (isolate ? applyIsolated : applyInBulk)(client, byCase);
    result.outcomes.push(...applied.outcomes);
    result.isDetailPending = applied.isDetailPending;
    await recordOutcomes(client, result.outcomes);
    await notifyLiveMany(client, 'case.changed', [...byCase.keys()]); // open pages refresh when this commits
    for (const outcome of result.outcomes) result[outcome.status] += 1;
    return result;
  }, pool);
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
    `SELECT id, raw_body, is_test FROM webhook_events WHERE status = 'received'
     ORDER BY received_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [claim.limit],
  );
  return rows;
}

/** The stored raw body is the source of truth: it is parsed again, so a fix in the parsing applies on reprocess. */
function prepare(row: InboxRow): DomainEvent | Outcome {
  const parsed = parseEnvelope(row.raw_body);
  if (!parsed.ok) return { id: row.id, status: 'failed', error: `stored body no longer parses: ${parsed.reason}` };
  const envelope = parsed.envelope;
  if (!isKnownEventType(envelope.type)) return { id: row.id, status: 'ignored' };
  try {
    return toDomainEvent({ ...envelope, type: envelope.type });
  } catch (error) {
    // ApplyError (bad data) or a bug in the parsing: either way this event, and only it, fails.
    return { id: row.id, status: 'failed', error: describeError(error) };
  }
}

async function recordOutcomes(client: pg.ClientBase, outcomes: (Outcome | EventOutcome)[]): Promise<void> {
  if (!outcomes.length) return;
  await client.query(
    `UPDATE webhook_events w SET status = o.status, error = o.error, attempts = w.attempts + 1,
       applied_at = CASE WHEN o.status = 'applied' THEN now() ELSE w.applied_at END
     FROM unnest($1::text[], $2::text[], $3::text[]) AS o(id, status, error)
     WHERE w.id = o.id`,
    [outcomes.map((o) => o.id), outcomes.map((o) => o.status), outcomes.map((o) => o.error ?? null)],
  );
}
