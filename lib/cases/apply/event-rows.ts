import type pg from 'pg';
import type { DomainEvent } from './events';
import { compareIds } from './fold';

/**
 * The rows each event owns, written for many events per statement: a timeline entry keyed by
 * event id, payments keyed by (case, Debitura's payment id), chat keyed by (case, chat id). Each
 * write is idempotent and commutative (a repeat changes nothing; any order ends the same).
 *
 * Payment and chat ids are keys within their case only: an event naming another case's payment
 * id writes a row of its own case and never touches the other case, whose balance the applier
 * would not recompute (only the cases it locked are saved).
 */

export type CaseEvent = { caseId: string; event: DomainEvent };

export async function writeEventRows(client: pg.ClientBase, entries: readonly CaseEvent[]): Promise<void> {
  await insertTimeline(client, entries);
  const byType = <T extends DomainEvent['type']>(type: T) =>
    entries.filter(
      (entry): entry is { caseId: string; event: Extract<DomainEvent, { type: T }> } => entry.event.type === type,
    );
  await upsertCreatedPayments(client, byType('payment.created'));
  await upsertDeletedPayments(client, byType('payment.deleted'));
  await insertChat(client, byType('chat.created'));
}

async function insertTimeline(client: pg.ClientBase, entries: readonly CaseEvent[]) {
  if (!entries.length) return;
  const rows = entries.map(({ caseId, event }) => ({ caseId, event, ...timelineEntry(event) }));
  await client.query(
    `INSERT INTO case_events (id, case_id, event_id, type, at, from_state, to_state, detail)
     SELECT gen_random_uuid(), t.* FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::jsonb[]) AS t
     ON CONFLICT (event_id) DO NOTHING`,
    [
      rows.map((row) => row.caseId),
      rows.map((row) => row.event.id),
      rows.map((row) => row.event.type),
      rows.map((row) => row.event.at),
      rows.map((row) => row.fromState),
      rows.map((row) => row.toState),
      rows.map((row) => JSON.stringify(row.detail)),
    ],
  );
}

type Created = { caseId: string; event: Extract<DomainEvent, { type: 'payment.created' }> };
type Deleted = { caseId: string; event: Extract<DomainEvent, { type: 'payment.deleted' }> };
type Chat = { caseId: string; event: Extract<DomainEvent, { type: 'chat.created' }> };

/**
 * A repeat of a payment with another event id (Debitura re-emitting) settles on the larger
 * event id, in any order; one statement may touch a row once, so the batch is deduplicated
 * by the same rule first.
 */
async function upsertCreatedPayments(client: pg.ClientBase, entries: readonly Created[]) {
  const rows = keepOnePer(
    entries,
    (entry) => `${entry.caseId}/${entry.event.payment.paymentId}`,
    (a, b) => compareIds(a.event.id, b.event.id) > 0,
  );
  if (!rows.length) return;
  const payments = rows.map((row) => row.event.payment);
  await client.query(
    `INSERT INTO payments (id, case_id, debitura_payment_id, amount_minor, currency, date, recipient, method, created_event_id)
     SELECT gen_random_uuid(), t.* FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[]) AS t
     ON CONFLICT (case_id, debitura_payment_id) DO UPDATE SET amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency,
       date = EXCLUDED.date, recipient = EXCLUDED.recipient, method = EXCLUDED.method, created_event_id = EXCLUDED.created_event_id
     WHERE payments.created_event_id IS NULL OR payments.created_event_id COLLATE "C" < EXCLUDED.created_event_id COLLATE "C"`,
    [
      rows.map((row) => row.caseId),
      payments.map((payment) => payment.paymentId),
      payments.map((payment) => payment.amountMinor),
      payments.map((payment) => payment.currency),
      payments.map((payment) => payment.date),
      payments.map((payment) => payment.recipient),
      payments.map((payment) => payment.method),
      rows.map((row) => row.event.id),
    ],
  );
}

/**
 * A deletion before its creation leaves a placeholder row, already deleted, that the
 * creation fills in without un-deleting it. The earliest deletion time stands.
 */
async function upsertDeletedPayments(client: pg.ClientBase, entries: readonly Deleted[]) {
  const rows = keepOnePer(
    entries,
    (entry) => `${entry.caseId}/${entry.event.paymentId}`,
    (a, b) => a.event.at < b.event.at,
  );
  if (!rows.length) return;
  await client.query(
    `INSERT INTO payments (id, case_id, debitura_payment_id, is_deleted, deleted_at)
     SELECT gen_random_uuid(), t.case_id, t.payment_id, true, t.at FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS t(case_id, payment_id, at)
     ON CONFLICT (case_id, debitura_payment_id) DO UPDATE SET is_deleted = true, deleted_at = LEAST(payments.deleted_at, EXCLUDED.deleted_at)`,
    [rows.map((row) => row.caseId), rows.map((row) => row.event.paymentId), rows.map((row) => row.event.at)],
  );
}

/** First one in wins; a message we sent ourselves (outbound, same chat id) stays as it is. */
async function insertChat(client: pg.ClientBase, entries: readonly Chat[]) {
  const rows = keepOnePer(
    entries,
    (entry) => `${entry.caseId}/${entry.event.chat.chatId}`,
    (a, b) => compareIds(a.event.id, b.event.id) < 0,
  );
  if (!rows.length) return;
  const chats = rows.map((row) => row.event.chat);
  await client.query(
    `INSERT INTO chat_messages (id, case_id, debitura_chat_id, direction, message, author_name, author_email, author_role, at)
     SELECT gen_random_uuid(), t.case_id, t.chat_id, 'inbound', t.message, t.author_name, t.author_email, t.author_role, t.at
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
       AS t(case_id, chat_id, message, author_name, author_email, author_role, at)
     ON CONFLICT (case_id, debitura_chat_id) DO NOTHING`,
    [
      rows.map((row) => row.caseId),
      chats.map((chat) => chat.chatId),
      chats.map((chat) => chat.message),
      chats.map((chat) => chat.authorName),
      chats.map((chat) => chat.authorEmail),
      chats.map((chat) => chat.authorRole),
      chats.map((chat) => chat.at),
    ],
  );
}

function keepOnePer<T>(items: readonly T[], key: (item: T) => string, isBetter: (a: T, b: T) => boolean): T[] {
  const kept = new Map<string, T>();
  for (const item of items) {
    const current = kept.get(key(item));
    if (!current || isBetter(item, current)) kept.set(key(item), item);
  }
  return [...kept.values()];
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
        detail: {
          paymentId: p.paymentId,
          amountMinor: Number(p.amountMinor),
          currency: p.currency,
          date: p.date?.toISOString() ?? null,
          recipient: p.recipient,
          method: p.method,
        },
      };
    }
    case 'payment.deleted':
      return { fromState: null, toState: null, detail: { paymentId: event.paymentId } };
    case 'chat.created':
      return { fromState: null, toState: null, detail: { chatId: event.chat.chatId, author: event.chat.authorName } };
  }
}
