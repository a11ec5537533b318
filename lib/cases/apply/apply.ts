import type pg from 'pg';
import { isTransientDatabaseError } from '@/lib/database/pool';
import { lockCases, saveCases } from './case-row';
import { ApplyError } from './errors';
import { writeEventRows } from './event-rows';
import type { DomainEvent } from './events';
import { compareEvents, compareIds, foldEvent, type CaseRecord, type Precedence } from './fold';

/**
 * Applies events to their cases inside the caller's transaction: lock the cases (creating
 * unknown ones from their reference), write each event's own rows, fold the registers, save
 * each case and its balance once. Every write is idempotent and commutative, so arrival order
 * and repeats do not matter.
 */
export type EventOutcome = { id: string; status: 'applied' | 'failed'; error?: string; isFinal?: boolean };
export type ApplyResult = { outcomes: EventOutcome[]; isDetailPending: boolean };

/**
 * The fast path: the whole batch in a handful of statements (one per table, whatever the
 * batch size). Any error aborts the caller's transaction; the caller then redoes the batch
 * with applyIsolated to find the event at fault.
 */
export async function applyInBulk(
  client: pg.ClientBase,
  byCase: ReadonlyMap<string, DomainEvent[]>,
  now = new Date(),
): Promise<ApplyResult> {
  if (!byCase.size) return { outcomes: [], isDetailPending: false };
  const records = await lockCases(client, [...byCase.keys()]);
  const entries = [...byCase].flatMap(([reference, events]) =>
    events.map((event) => ({ caseId: records.get(reference)!.id, event })),
  );
  await writeEventRows(client, entries);

  const outcomes: EventOutcome[] = [];
  const folded: CaseRecord[] = [];
  for (const [reference, events] of byCase) {
    let record = records.get(reference)!;
    for (const event of [...events].sort(compareEvents)) {
      record = foldEvent(record, event, await precedenceOf(client, record, event), now);
      outcomes.push({ id: event.id, status: 'applied' });
    }
    folded.push(record);
  }
  await saveCases(client, folded);
  return { outcomes, isDetailPending: folded.some((record) => record.detailStatus === 'pending') };
}

/**
 * The careful path: one case at a time, each event in its own savepoint, so an event that
 * throws is reported failed and the others still apply. Transient errors still abort all.
 */
export async function applyIsolated(
  client: pg.ClientBase,
  byCase: ReadonlyMap<string, DomainEvent[]>,
  now = new Date(),
): Promise<ApplyResult> {
  const result: ApplyResult = { outcomes: [], isDetailPending: false };
  for (const reference of [...byCase.keys()].sort(compareIds)) {
    const events = byCase.get(reference)!;
    await client.query('SAVEPOINT apply_case');
    try {
      let record = (await lockCases(client, [reference])).get(reference)!;
      const outcomes: EventOutcome[] = [];
      for (const event of [...events].sort(compareEvents)) {
        await client.query('SAVEPOINT apply_event');
        try {
          await writeEventRows(client, [{ caseId: record.id, event }]);
          record = foldEvent(record, event, await precedenceOf(client, record, event), now);
          await client.query('RELEASE SAVEPOINT apply_event');
          outcomes.push({ id: event.id, status: 'applied' });
        } catch (error) {
          if (isTransientDatabaseError(error)) throw error;
          await client.query('ROLLBACK TO SAVEPOINT apply_event');
          outcomes.push(failedOutcome(event, error));
        }
      }
      if (outcomes.some((outcome) => outcome.status === 'applied')) {
        await saveCases(client, [record]);
        await client.query('RELEASE SAVEPOINT apply_case');
        result.isDetailPending ||= record.detailStatus === 'pending';
      } else {
        // Nothing applied: not even an empty case row is left behind.
        await client.query('ROLLBACK TO SAVEPOINT apply_case');
      }
      result.outcomes.push(...outcomes);
    } catch (error) {
      if (isTransientDatabaseError(error)) throw error;
      // The case row itself could not be locked or saved: none of its events is applied.
      await client.query('ROLLBACK TO SAVEPOINT apply_case');
      result.outcomes.push(...events.map((event) => failedOutcome(event, error)));
    }
  }
  return result;
}

/** Which registers without their own event-id column (close, assignment) this event may set. */
async function precedenceOf(client: pg.ClientBase, record: CaseRecord, event: DomainEvent): Promise<Precedence> {
  return {
    isLatestClose: event.type === 'case.closed' && (await isLatestOfType(client, record.id, event, record.closedAt)),
    isLatestAssignment:
      event.type === 'case.assigned' && (await isLatestOfType(client, record.id, event, record.detailAt)),
  };
}

/**
 * Is `event` the latest of its type for the case, against the register's current time? A tie
 * within the millisecond goes to the larger event id, looked up in the timeline.
 */
async function isLatestOfType(
  client: pg.ClientBase,
  caseId: string,
  event: DomainEvent,
  currentAt: Date | null,
): Promise<boolean> {
  if (!currentAt || event.at > currentAt) return true;
  if (event.at < currentAt) return false;
  const { rows } = await client.query<{ event_id: string }>(
    'SELECT event_id FROM case_events WHERE case_id = $1 AND type = $2 AND at = $3 AND event_id <> $4',
    [caseId, event.type, event.at, event.id],
  );
  return rows.every((row) => compareIds(event.id, row.event_id) > 0);
}

/** Bad data (ApplyError) fails for good at once; any other error is retried (lib/webhooks/apply-attempts.ts). */
function failedOutcome(event: DomainEvent, error: unknown): EventOutcome {
  return { id: event.id, status: 'failed', error: describeError(error), isFinal: error instanceof ApplyError };
}

export function describeError(error: unknown): string {
  const message =
    error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return message.slice(0, 2000);
}
