/**
 * Debitura's payment and chat ids are keys within their case: an event naming another case's
 * payment id (created or deleted) must leave that case, its payment and its balance alone; a
 * flat payload's `id` is never a payment id; a delivered reply only removes its echo from its
 * own case. Through the real inbox statement and applier on PostgreSQL, and the real sender
 * against a small stand-in for Debitura's chat endpoint.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendActionNow } from '@/lib/outbox/sender';
import { closePool } from '@/lib/database/pool';
import { createTestDatabase } from '../helpers/database';
import { envelope, ingestDirect } from '../helpers/webhooks';

let database: Awaited<ReturnType<typeof createTestDatabase>>;

const assigned = (reference: string, caseId: string, grossAmount: number) =>
  envelope('case.assigned', { reference, caseId, lifecycle: 'Active', currency: 'EUR', grossAmount });
const paid = (reference: string, paymentId: string, amount: number) =>
  envelope('payment.created', { reference, paymentId, amount, currency: 'EUR', date: '2026-11-20T10:00:00Z' });

async function balance(reference: string) {
  const { rows } = await database.pool.query(
    'SELECT paid_minor::int AS paid, outstanding_minor::int AS outstanding FROM cases WHERE reference = $1',
    [reference],
  );
  return rows[0];
}

async function payments(reference: string) {
  const { rows } = await database.pool.query(
    `SELECT p.debitura_payment_id AS id, p.amount_minor::int AS amount, p.is_deleted AS deleted
     FROM payments p JOIN cases c ON c.id = p.case_id WHERE c.reference = $1 ORDER BY p.debitura_payment_id`,
    [reference],
  );
  return rows;
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await ingestDirect(database.pool, [
    assigned('SCOPE-A', 'debitura-case-a', 100),
    assigned('SCOPE-B', 'debitura-case-b', 200),
    paid('SCOPE-A', 'shared-1', 40),
    paid('SCOPE-A', 'shared-2', 10),
  ]);
});

afterAll(async () => {
  await closePool();
  await database?.drop();
});

describe('payment ids are scoped to their case', () => {
  it("a payment.created naming another case's payment id changes only its own case", async () => {
    await ingestDirect(database.pool, [paid('SCOPE-B', 'shared-1', 999)]);
    expect(await payments('SCOPE-A')).toEqual([
      { id: 'shared-1', amount: 4000, deleted: false },
      { id: 'shared-2', amount: 1000, deleted: false },
    ]);
    expect(await balance('SCOPE-A')).toEqual({ paid: 5000, outstanding: 5000 });
    expect(await payments('SCOPE-B')).toEqual([{ id: 'shared-1', amount: 99900, deleted: false }]);
    expect(await balance('SCOPE-B')).toEqual({ paid: 99900, outstanding: -79900 });
  });

  it("a payment.deleted naming another case's payment id deletes nothing there", async () => {
    await ingestDirect(database.pool, [envelope('payment.deleted', { reference: 'SCOPE-B', paymentId: 'shared-2' })]);
    expect(await payments('SCOPE-A')).toEqual([
      { id: 'shared-1', amount: 4000, deleted: false },
      { id: 'shared-2', amount: 1000, deleted: false },
    ]);
    expect(await balance('SCOPE-A')).toEqual({ paid: 5000, outstanding: 5000 });
    // Its own case keeps a deleted placeholder, as for a deletion arriving before its creation.
    expect(await payments('SCOPE-B')).toContainEqual({ id: 'shared-2', amount: null, deleted: true });
    expect(await balance('SCOPE-B')).toEqual({ paid: 99900, outstanding: -79900 });
  });

  it("a flat payload's id is never taken as the payment id", async () => {
    const flat = envelope('payment.created', { reference: 'SCOPE-A', id: 'shared-1', amount: 5, currency: 'EUR' });
    await ingestDirect(database.pool, [flat]);
    expect(await payments('SCOPE-A')).toEqual([
      { id: `event:${flat.id}`, amount: 500, deleted: false },
      { id: 'shared-1', amount: 4000, deleted: false },
      { id: 'shared-2', amount: 1000, deleted: false },
    ]);
    expect(await balance('SCOPE-A')).toEqual({ paid: 5500, outstanding: 4500 });
  });
});

describe('a delivered reply removes its echo only in its own case', () => {
  let server: Server;
  const ECHO_ID = 'chat-echo-1';

  beforeAll(async () => {
    // Debitura answers the post with the id its chat.created echo also carries.
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ id: ECHO_ID }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.DEBITURA_API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.DEBITURA_API_KEY = 'scope-test-key';
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('keeps the other case’s message with the same chat id', async () => {
    const chat = (reference: string, message: string) =>
      envelope('chat.created', { reference, chatId: ECHO_ID, message, user: { firstName: 'Deb' } });
    await ingestDirect(database.pool, [chat('SCOPE-A', 'the echo of our reply'), chat('SCOPE-B', 'another case')]);
    const { rows } = await database.pool.query(
      `WITH reply AS (
         INSERT INTO chat_messages (id, case_id, direction, message, at, status, next_attempt_at)
         SELECT gen_random_uuid(), id, 'outbound', 'our reply', now(), 'sending', now()
         FROM cases WHERE reference = 'SCOPE-A' RETURNING id, case_id)
       INSERT INTO outbound_actions (id, case_id, kind, payload, idempotency_key, next_attempt_at, chat_message_id)
       SELECT gen_random_uuid(), case_id, 'chat_reply', '{"message": "our reply", "userEmail": "a@agency.test"}',
              gen_random_uuid()::text, now(), id FROM reply RETURNING id`,
    );
    await sendActionNow(rows[0].id);

    const { rows: messages } = await database.pool.query(
      `SELECT c.reference, m.direction, m.status, m.message FROM chat_messages m JOIN cases c ON c.id = m.case_id
       WHERE m.debitura_chat_id = $1 ORDER BY c.reference`,
      [ECHO_ID],
    );
    expect(messages).toEqual([
      { reference: 'SCOPE-A', direction: 'outbound', status: 'sent', message: 'our reply' },
      { reference: 'SCOPE-B', direction: 'inbound', status: null, message: 'another case' },
    ]);
  });
});
