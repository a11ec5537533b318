import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { createUser } from '@/lib/users/users';
import { startApp, type AppServer } from '@/test/helpers/app-server';
import { createTestDatabase } from '@/test/helpers/database';
import { envelope, sendWebhookRetrying, TEST_WEBHOOK_SECRET, waitForInboxDrained } from '@/test/helpers/webhooks';

/**
 * Live updates across instances: two `next start` on one database, only the first running
 * background jobs. A webhook delivered to and applied by the first shows, within moments, as
 * an event on a `GET /api/v1/stream` held open on the second (PostgreSQL LISTEN/NOTIFY).
 * Collectors only hear about their own and unassigned cases.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let worker: AppServer;
let reader: AppServer;
let tokens: { carl: string; dora: string };

type StreamEvent = { event: string; data: { kind: string; reference?: string } };

/** Opens the stream and collects its events until closed. */
async function openStream(app: AppServer, token: string) {
  const controller = new AbortController();
  const response = await fetch(`${app.url}/api/v1/stream`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: StreamEvent[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    close: async () => {
      controller.abort();
      await pump;
    },
  };
}

async function waitUntil(check: () => boolean, label: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const env = { DEBITURA_WEBHOOK_SECRETS: TEST_WEBHOOK_SECRET };
  [worker, reader] = await Promise.all([
    startApp({ databaseUrl: database.url, env }),
    startApp({ databaseUrl: database.url, env: { ...env, CASEDESK_JOBS: 'off' } }),
  ]);
  const carl = await createUser({ email: 'carl@agency.test', name: 'Carl', role: 'collector' });
  const dora = await createUser({ email: 'dora@agency.test', name: 'Dora', role: 'collector' });
  tokens = {
    carl: (await createApiToken({ userId: carl.id, name: 'test' })).token,
    dora: (await createApiToken({ userId: dora.id, name: 'test' })).token,
  };
  const assigned = envelope('case.assigned', { reference: 'LIVE-DORA', caseId: randomUUID(), lifecycle: 'Active' });
  expect((await sendWebhookRetrying(worker.url, assigned)).status).toBe(200);
  await waitForInboxDrained(database.pool);
  await database.pool.query("UPDATE cases SET assignee_id = $1 WHERE reference = 'LIVE-DORA'", [dora.id]);
}, 180_000);

afterAll(async () => {
  await Promise.all([worker?.stop(), reader?.stop()]);
  await db.$disconnect();
  await database?.drop();
});

describe('GET /api/v1/stream', () => {
  it('shows on one instance a webhook applied by the other, once per change, only to who may see it', async () => {
    const carlStream = await openStream(reader, tokens.carl);
    const doraStream = await openStream(reader, tokens.dora);
    try {
      // Let both streams subscribe (the first subscriber opens the LISTEN connection).
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const chat = envelope('chat.created', { reference: 'LIVE-1', chatId: 'live-1', message: 'Hello' });
      const assigned = envelope('case.assigned', { reference: 'LIVE-1', caseId: randomUUID(), lifecycle: 'Active' });
      expect((await sendWebhookRetrying(worker.url, assigned)).status).toBe(200);
      await waitUntil(() => carlStream.events.some((e) => e.data.reference === 'LIVE-1'), 'the first event on carl');
      expect((await sendWebhookRetrying(worker.url, chat)).status).toBe(200);
      await waitUntil(
        () => carlStream.events.filter((e) => e.data.reference === 'LIVE-1').length >= 2,
        'the second event on carl',
      );
      expect(carlStream.events[0]).toEqual({
        event: 'case.changed',
        data: { kind: 'case.changed', reference: 'LIVE-1' },
      });

      // Dora's case: Dora hears about it, Carl (another collector) does not.
      const update = envelope('chat.created', { reference: 'LIVE-DORA', chatId: 'live-dora', message: 'Hi' });
      expect((await sendWebhookRetrying(worker.url, update)).status).toBe(200);
      await waitUntil(() => doraStream.events.some((e) => e.data.reference === 'LIVE-DORA'), 'the event on dora');
      await waitForInboxDrained(database.pool);
      expect(carlStream.events.some((e) => e.data.reference === 'LIVE-DORA')).toBe(false);
    } finally {
      await carlStream.close();
      await doraStream.close();
    }
  });

  it('answers 401 without credentials', async () => {
    expect((await fetch(`${reader.url}/api/v1/stream`)).status).toBe(401);
  });
});
