import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorReplyState } from '@/lib/chat/outbox-mirror';
import { db } from '@/lib/db';
import { LIVE_CHANNEL, parseLiveEvent, type LiveEvent } from '@/lib/live/notify';
import { confirmActions } from '@/lib/outbox/confirm';
import { createTestDatabase } from '@/test/helpers/database';
import { waitFor } from '@/test/helpers/webhooks';

/**
 * Open pages (queue, case list, case page) refresh on the live notices (lib/live): the outbox
 * sends one when a chat reply's delivery changes and when Debitura's webhook confirms an
 * action, on the database channel every instance LISTENs to, and only when the change commits.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let listener: pg.Client;
const heard: LiveEvent[] = [];

const insertCase = async (reference: string, state: string) =>
  (
    await database.pool.query<{ id: string }>(
      `INSERT INTO cases (id, reference, state, state_at, assigned_at, is_test, updated_at)
       VALUES (gen_random_uuid(), $1, $2, now(), now(), false, now()) RETURNING id`,
      [reference, state],
    )
  ).rows[0].id;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  listener = new pg.Client({ connectionString: database.url });
  await listener.connect();
  listener.on('notification', (message) => {
    const event = parseLiveEvent(message.payload);
    if (event) heard.push(event);
  });
  await listener.query(`LISTEN ${LIVE_CHANNEL}`);
}, 60_000);

afterAll(async () => {
  await listener?.end();
  await db.$disconnect();
  await database?.drop();
});

describe('live notices from the outbox', () => {
  it('an acceptance confirmed by the case turning Active tells open pages', async () => {
    const caseId = await insertCase('LIVE-ACCEPT', 'PendingVerification');
    const {
      rows: [action],
    } = await database.pool.query<{ id: string }>(
      `INSERT INTO outbound_actions (id, case_id, kind, status, payload, idempotency_key, sent_at)
       VALUES (gen_random_uuid(), $1, 'accept', 'sent', '{}', 'live-accept', now()) RETURNING id`,
      [caseId],
    );
    expect(await confirmActions(action.id)).toBe(0);
    await database.pool.query("UPDATE cases SET state = 'Active' WHERE id = $1", [caseId]);
    expect(await confirmActions(action.id)).toBe(1);
    await waitFor(
      async () => heard.some((event) => event.kind === 'action.confirmed' && event.reference === 'LIVE-ACCEPT'),
      10_000,
      'an action.confirmed notice',
    );
    // Nothing was confirmed by the first pass, so it said nothing.
    expect(heard.filter((event) => event.reference === 'LIVE-ACCEPT')).toHaveLength(1);
  });

  it("a chat reply's delivery changing tells open pages once it commits", async () => {
    const caseId = await insertCase('LIVE-REPLY', 'Active');
    const {
      rows: [message],
    } = await database.pool.query<{ id: string }>(
      `INSERT INTO chat_messages (id, case_id, direction, message, at, status)
       VALUES (gen_random_uuid(), $1, 'outbound', 'On it.', now(), 'sending') RETURNING id`,
      [caseId],
    );
    const {
      rows: [action],
    } = await database.pool.query<{ id: string }>(
      `INSERT INTO outbound_actions (id, case_id, kind, status, payload, idempotency_key, chat_message_id, sent_at)
       VALUES (gen_random_uuid(), $1, 'chat_reply', 'sent', '{}', 'live-reply', $2, now()) RETURNING id`,
      [caseId, message.id],
    );
    // Rolled back: no notice.
    await db
      .$transaction(async (tx) => {
        await mirrorReplyState(tx, action.id);
        throw new Error('roll back');
      })
      .catch(() => {});
    await db.$transaction((tx) => mirrorReplyState(tx, action.id));
    await waitFor(
      async () => heard.some((event) => event.kind === 'chat.message' && event.reference === 'LIVE-REPLY'),
      10_000,
      'a chat.message notice',
    );
    expect(heard.filter((event) => event.reference === 'LIVE-REPLY')).toHaveLength(1);
    const { rows } = await database.pool.query('SELECT status FROM chat_messages WHERE id = $1', [message.id]);
    expect(rows).toEqual([{ status: 'sent' }]);
  });
});
