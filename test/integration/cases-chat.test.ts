import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/auth/tokens';
import { createReply, retryReply } from '@/lib/chat/reply';
import { db } from '@/lib/db';
import { startFakeApi, type FakeApi } from '@/lib/simulator/fake-api';
import { createUser } from '@/lib/users/users';
import { startApp, type AppServer } from '@/test/helpers/app-server';
import { createTestDatabase } from '@/test/helpers/database';
import {
  envelope,
  sendWebhookRetrying,
  TEST_WEBHOOK_SECRET,
  type Envelope,
  waitFor,
  waitForInboxDrained,
} from '@/test/helpers/webhooks';

/**
 * Replies in the case chat over `POST /api/v1/cases/{reference}/chat` on a real `next start`,
 * against the simulator's fake Collection Partner API: stored at once as `sending`, delivered
 * exactly once with its Idempotency-Key even when Debitura fails the first attempts, never
 * lost when the app is killed mid-way, `failed` on a refusal and sent again on Retry. Plus
 * the thread (GET) with per-user unread, and the API's errors.
 */

const API_KEY = 'fake-api-key-for-chat-tests';
const CASE_ID = randomUUID();
const OTHERS_CASE_ID = randomUUID();

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fakeApi: FakeApi;
let app: AppServer;
let tokens: { carl: string; dora: string; manager: string };

const appEnv = (apiKey = API_KEY) => ({
  DEBITURA_WEBHOOK_SECRETS: TEST_WEBHOOK_SECRET,
  DEBITURA_API_URL: fakeApi.url,
  DEBITURA_API_KEY: apiKey,
});

function deliverSigned(body: Envelope, headers: Record<string, string> = {}) {
  return sendWebhookRetrying(app.url, body, { headers });
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  fakeApi = await startFakeApi({ apiKey: API_KEY, failFirstChatPosts: 2 });
  app = await startApp({ databaseUrl: database.url, env: appEnv() });
  const carl = await createUser({ email: 'carl.collector@agency.test', name: 'Carl Collector', role: 'collector' });
  const dora = await createUser({ email: 'dora.collector@agency.test', name: 'Dora Collector', role: 'collector' });
  const manager = await createUser({ email: 'mona.manager@agency.test', name: 'Mona Manager', role: 'manager' });
  tokens = {
    carl: (await createApiToken({ userId: carl.id, name: 'test' })).token,
    dora: (await createApiToken({ userId: dora.id, name: 'test' })).token,
    manager: (await createApiToken({ userId: manager.id, name: 'test' })).token,
  };
  for (const [reference, caseId] of [
    ['CHAT-1', CASE_ID],
    ['CHAT-DORA', OTHERS_CASE_ID],
  ]) {
    const assigned = envelope('case.assigned', {
      reference,
      caseId,
      lifecycle: 'Active',
      currency: 'EUR',
      grossAmount: 100,
      debtor: { name: `Debtor ${reference}` },
      creditor: { companyName: `Creditor ${reference}` },
    });
    expect((await deliverSigned(assigned)).status).toBe(200);
  }
  await waitForInboxDrained(database.pool);
  await database.pool.query("UPDATE cases SET assignee_id = $1 WHERE reference = 'CHAT-DORA'", [dora.id]);
}, 180_000);

afterAll(async () => {
  if (process.env.DEBUG_APP_OUTPUT) console.log(app?.output());
  await app?.stop();
  await fakeApi?.close();
  await db.$disconnect();
  await database?.drop();
});

type Message = {
  id: string;
  message: string;
  status: string | null;
  attempts: number;
  direction: string;
  isUnread: boolean;
  isMine: boolean;
};

async function post(reference: string, body: unknown, token: string | null = tokens.carl, raw = false) {
  const response = await fetch(`${app.url}/api/v1/cases/${reference}/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Message & { error?: { code: string; message: string } },
  };
}

async function thread(reference: string, token = tokens.carl, markRead = true): Promise<Message[]> {
  const response = await fetch(`${app.url}/api/v1/cases/${reference}/chat${markRead ? '' : '?markRead=false'}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { messages: Message[] }).messages;
}

const row = async (id: string) =>
  (
    await database.pool.query(
      `SELECT m.status, m.attempts, a.idempotency_key, m.debitura_chat_id, m.last_error, m.message
       FROM chat_messages m JOIN outbound_actions a ON a.chat_message_id = m.id WHERE m.id = $1`,
      [id],
    )
  ).rows[0];

const postsOf = (text: string) => fakeApi.chatPosts.filter((post) => post.message === text);

describe('replying', () => {
  it('stores the reply as sending (202), then delivers it exactly once although the API fails the first two attempts', async () => {
    const text = `Payment plan agreed: 3 × 100 EUR ${randomUUID()}`;
    const { status, body } = await post('CHAT-1', { message: `  ${text}\n` });
    expect(status).toBe(202);
    expect(body).toMatchObject({ message: text, direction: 'outbound', status: 'sending', isMine: true });

    const sent = await waitFor(
      async () => (await thread('CHAT-1')).find((message) => message.id === body.id && message.status === 'sent'),
      30_000,
      'the reply to be sent',
    );
    expect(sent.message).toBe(text);
    expect(fakeApi.chatPostAttempts()).toBe(3);
    const posts = postsOf(text);
    expect(posts).toHaveLength(1);
    const stored = await row(body.id);
    expect(stored).toMatchObject({
      status: 'sent',
      attempts: 3,
      last_error: null,
      debitura_chat_id: posts[0].response.id,
    });
    expect(posts[0]).toMatchObject({
      caseId: CASE_ID,
      userEmail: 'carl.collector@agency.test',
      idempotencyKey: stored.idempotency_key,
    });

    // Debitura echoes the reply as a chat.created webhook: still one message.
    const echo = envelope('chat.created', {
      reference: 'CHAT-1',
      chatId: posts[0].response.id,
      message: text,
      dateCreated: new Date().toISOString(),
    });
    expect((await deliverSigned(echo)).status).toBe(200);
    await waitForInboxDrained(database.pool);
    expect((await thread('CHAT-1')).filter((message) => message.message === text)).toHaveLength(1);
  });

  it('keeps a reply through a crash and sends it once after the restart', async () => {
    fakeApi.setFailures({ chatPosts: 1_000 });
    const text = `Written just before a crash ${randomUUID()}`;
    const { status, body } = await post('CHAT-1', { message: text });
    expect(status).toBe(202);
    await waitFor(
      async () => (await row(body.id)).attempts >= 1 && (await row(body.id)).last_error,
      20_000,
      'a failed first attempt',
    );
    await app.kill();
    expect(await row(body.id)).toMatchObject({ status: 'sending', message: text });

    fakeApi.setFailures({ chatPosts: 0 });
    app = await startApp({ databaseUrl: database.url, env: appEnv() });
    await waitFor(async () => (await row(body.id)).status === 'sent', 90_000, 'the reply to be sent after the restart');
    expect(postsOf(text)).toHaveLength(1);
  });

  it('marks a refused reply failed, keeps its text, and sends it again on Retry', async () => {
    await app.stop();
    app = await startApp({ databaseUrl: database.url, env: appEnv('a-key-the-api-refuses') });
    const text = `Refused at first ${randomUUID()}`;
    const { body } = await post('CHAT-1', { message: text });
    await waitFor(async () => (await row(body.id)).status === 'failed', 20_000, 'the refusal');
    expect((await row(body.id)).last_error).toMatch(/401/);
    expect(postsOf(text)).toHaveLength(0);

    await app.stop();
    // A reply left due while the app was down: only the background sender can send it, so once
    // it is sent, the sender has made a pass since the restart (and left the failed one alone).
    const carl = await db.user.findUniqueOrThrow({ where: { email: 'carl.collector@agency.test' } });
    const witness = await createReply(carl, 'CHAT-1', `Due while down ${randomUUID()}`);
    app = await startApp({ databaseUrl: database.url, env: appEnv() });
    await waitFor(async () => (await row(witness.id)).status === 'sent', 30_000, 'the sender’s first pass');
    // A failed reply waits for a person: no automatic attempt after the restart.
    expect(await row(body.id)).toMatchObject({ status: 'failed', message: text });
    expect(postsOf(text)).toHaveLength(0);

    expect(await retryReply(carl, body.id)).toMatchObject({ status: 'sending', attempts: 0 });
    await waitFor(async () => (await row(body.id)).status === 'sent', 30_000, 'the retried reply to be sent');
    expect(postsOf(text)).toHaveLength(1);
  });

  it('stores a message holding HTML as the exact text typed', async () => {
    const text = '<img src=x onerror=alert(1)>';
    const { status, body } = await post('CHAT-1', { message: text });
    expect(status).toBe(202);
    expect(body.message).toBe(text);
    expect((await row(body.id)).message).toBe(text);
  });

  it('answers 400, 401, 403, 404 and 422 as JSON errors', async () => {
    expect((await post('CHAT-1', { message: 'hi' }, null)).status).toBe(401);
    const notJson = await post('CHAT-1', '{"message": ', tokens.carl, true);
    expect(notJson).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    for (const bad of [{}, { message: '' }, { message: '   ' }, { message: 42 }, { message: 'x'.repeat(5_001) }]) {
      const result = await post('CHAT-1', bad);
      expect(result.status, JSON.stringify(bad)).toBe(422);
      expect(result.body.error?.code).toBe('invalid');
    }
    expect((await post('NO-SUCH-CASE', { message: 'hi' })).status).toBe(404);
    const forbidden = await post('CHAT-DORA', { message: 'not my case' });
    expect(forbidden).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await post('CHAT-DORA', { message: 'as her manager' }, tokens.manager)).status).toBe(202);
  });
});

describe('the thread', () => {
  it('lists messages oldest first, marks them unread per user, and clears them when read', async () => {
    const at = new Date(Date.now() - 60_000).toISOString();
    const inbound = envelope('chat.created', {
      reference: 'CHAT-DORA',
      chatId: `in-${randomUUID()}`,
      message: 'Could you call the debtor again?',
      dateCreated: at,
      roleLabel: 'Creditor',
      user: { firstName: 'Ida', lastName: 'Creditor', email: 'ida@creditor.test' },
    });
    expect((await deliverSigned(inbound)).status).toBe(200);
    await waitForInboxDrained(database.pool);

    const forDora = await thread('CHAT-DORA', tokens.dora, false);
    expect(forDora.map((message) => [message.direction, message.isUnread])).toEqual([
      ['inbound', true],
      ['outbound', false],
    ]);
    // markRead=false did not clear it; reading does, for Dora only.
    expect((await thread('CHAT-DORA', tokens.dora)).find((message) => message.direction === 'inbound')?.isUnread).toBe(
      true,
    );
    expect((await thread('CHAT-DORA', tokens.dora)).find((message) => message.direction === 'inbound')?.isUnread).toBe(
      false,
    );
    expect(
      (await thread('CHAT-DORA', tokens.manager)).find((message) => message.direction === 'inbound')?.isUnread,
    ).toBe(true);

    const response = await fetch(`${app.url}/api/v1/cases/CHAT-DORA/chat`, {
      headers: { authorization: `Bearer ${tokens.carl}` },
    });
    expect(response.status).toBe(403);
  });
});
