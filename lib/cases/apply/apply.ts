import type pg from 'pg';
import { isTransientDatabaseError } from '@/lib/database/pool';
import { lockCase, saveCase } from './case-row';
import type { DomainEvent } from './events';
import { compareEvents, compareIds, foldEvent, type CaseRecord, type Precedence } from './fold';

/**
 * Applies one case's events inside the caller's transaction: lock the case row (creating it
 * from the reference if needed), write each event's own rows (timeline entry keyed by event id,
 * payment keyed by Debitura's payment id, chat keyed by chat id), fold the registers, then
 * save the case and its balance once. Every write is idempotent and commutative, so order
 * and repeats do not matter.
 *
 * `isolate`: each event in its own savepoint, so one that throws is marked failed and the
 * others still apply. Without it (the fast path) any error aborts the caller's transaction.
 */
export type EventOutcome = { id: string; status: 'applied' | 'failed'; error?: string };

export type CaseOutcome = { outcomes: EventOutcome[]; isDetailPending: boolean };

export async function applyCaseEvents(
  client: pg.ClientBase,
  reference: string,
  events: DomainEvent[],
  options: { isolate: boolean; now?: Date },
): Promise<CaseOutcome> {
  const now = options.now ?? new Date();
  const sorted = [...events].sort(compareEvents);
  if (options.isolate) await client.query('SAVEPOINT apply_case');
  try {
    let record = await lockCase(client, reference);
    const outcomes: EventOutcome[] = [];
    for (const event of sorted) {
      if (options.isolate) await client.query('SAVEPOINT apply_event');
      try {
        const precedence = await writeEventRows(client, record, event);
        record = foldEvent(record, event, precedence, now);
        if (options.isolate) await client.query('RELEASE SAVEPOINT apply_event');
        outcomes.push({ id: event.id, status: 'applied' });
      } catch (error) {
        if (!options.isolate || isTransientDatabaseError(error)) throw error;
        await client.query('ROLLBACK TO SAVEPOINT apply_event');
        outcomes.push({ id: event.id, status: 'failed', error: describeError(error) });
      }
    }
    if (outcomes.some((outcome) => outcome.status === 'applied')) {
      await saveCase(client, record);
      if (options.isolate) await client.query('RELEASE SAVEPOINT apply_case');
    } else if (options.isolate) {
      // Nothing applied: not even an empty case row is left behind.
      await client.query('ROLLBACK TO SAVEPOINT apply_case');
    }
    return { outcomes, isDetailPending: record.detailStatus === 'pending' };
  } catch (error) {
    if (!options.isolate || isTransientDatabaseError(error)) throw error;
    // The case row itself could not be locked or saved: none of its events is applied.
    await client.query('ROLLBACK TO SAVEPOINT apply_case');
    const message = describeError(error);
    return { outcomes: events.map((event) => ({ id: event.id, status: 'failed', error: message })), isDetailPending: false };
  }
}

async function writeEventRows(client: pg.ClientBase, record: CaseRecord, event: DomainEvent): Promise<Precedence> {
  const timeline = timelineEntry(event);
  await client.query(
    `INSERT INTO case_events (id, case_id, event_id, type, at, from_state, to_state, detail)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING`,
    [record.id, event.id, event.type, event.at, timeline.fromState, timeline.toState, JSON.stringify(timeline.detail)],
  );
  const precedence: Precedence = { isLatestClose: false, isLatestAssignment: false };

  switch (event.type) {
    case 'case.assigned':
      precedence.isLatestAssignment = await isLatestOfType(client, record.id, event, record.detailAt);
      break;
    case 'case.closed':
      precedence.isLatestClose = await isLatestOfType(client, record.id, event, record.closedAt);
      break;
    case 'payment.created': {
      const p = event.payment;
      // A repeat with another event id (Debitura re-emitting) settles on the larger id, in any order.
      await client.query(
        `INSERT INTO payments (id, case_id, debitura_payment_id, amount_minor, currency, date, recipient, method, created_event_id)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (debitura_payment_id) DO UPDATE SET amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency,
           date = EXCLUDED.date, recipient = EXCLUDED.recipient, method = EXCLUDED.method, created_event_id = EXCLUDED.created_event_id
         WHERE payments.created_event_id IS NULL OR payments.created_event_id COLLATE "C" < EXCLUDED.created_event_id COLLATE "C"`,
        [record.id, p.paymentId, p.amountMinor, p.currency, p.date, p.recipient, p.method, event.id],
      );
      break;
    }
    case 'payment.deleted':
      // A deletion before its creation leaves a placeholder row, already deleted, that the
      // creation fills in without un-deleting it.
      await client.query(
        `INSERT INTO payments (id, case_id, debitura_payment_id, is_deleted, deleted_at)
         VALUES (gen_random_uuid(), $1, $2, true, $3)
         ON CONFLICT (debitura_payment_id) DO UPDATE SET is_deleted = true, deleted_at = LEAST(payments.deleted_at, EXCLUDED.deleted_at)`,
        [record.id, event.paymentId, event.at],
      );
      break;
    case 'chat.created': {
      const c = event.chat;
      await client.query(
        `INSERT INTO chat_messages (id, case_id, debitura_chat_id, direction, message, author_name, author_email, author_role, at)
         VALUES (gen_random_uuid(), $1, $2, 'inbound', $3, $4, $5, $6, $7) ON CONFLICT (debitura_chat_id) DO NOTHING`,
        [record.id, c.chatId, c.message, c.authorName, c.authorEmail, c.authorRole, c.at],
      );
      break;
    }
    case 'case.updated':
      break;
  }
  return precedence;
}

/**
 * Is `event` the latest of its type for the case, against the register's current time? Ties
 * within the millisecond go to the larger event id, found in the timeline (whose rows exist
 * exactly for the events applied so far).
 */
async function isLatestOfType(client: pg.ClientBase, caseId: string, event: DomainEvent, currentAt: Date | null): Promise<boolean> {
  if (!currentAt || event.at > currentAt) return true;
  if (event.at < currentAt) return false;
  const { rows } = await client.query<{ event_id: string }>(
    'SELECT event_id FROM case_events WHERE case_id = $1 AND type = $2 AND at = $3 AND event_id <> $4',
    [caseId, event.type, event.at, event.id],
  );
  return rows.every((row) => compareIds(event.id, row.event_id) > 0);
}

type TimelineEntry = { fromState: string | null; toState: string | null; detail: Record<string, unknown> };

function timelineEntry(event: DomainEvent): TimelineEntry {
  switch (event.type) {
    case 'case.assigned':
      return { fromState: null, toState: event.lifecycle, detail: { assignedAt: event.assignedAt.toISOString() } };
    case 'case.updated':
      return { fromState: event.fromState, toState: event.toState, detail: {} };
    case 'case.closed':
      return { fromState: null, toState: 'Closed', detail: { closeCode: event.closeCode, comment: event.comment } };
    case 'payment.created': {
      const p = event.payment;
      return {
        fromState: null,
        toState: null,
        detail: { paymentId: p.paymentId, amountMinor: Number(p.amountMinor), currency: p.currency, date: p.date?.toISOString() ?? null, recipient: p.recipient, method: p.method },
      };
    }
    case 'payment.deleted':
      return { fromState: null, toState: null, detail: { paymentId: event.paymentId } };
    case 'chat.created':
      return { fromState: null, toState: null, detail: { chatId: event.chat.chatId, author: event.chat.authorName } };
  }
}

export function describeError(error: unknown): string {
  const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return message.slice(0, 2000);
}
