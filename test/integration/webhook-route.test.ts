/**
 * POST /api/webhooks/debitura over real HTTP against `next start` and PostgreSQL: every
 * refusal with its status, its rejected-delivery record and "nothing changed"; duplicates;
 * unknown events; secret rotation; the database being down.
 */
import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { secretFingerprint } from '@/lib/webhooks/secrets';
import { decodeSecret, signatureHeader } from '@/lib/webhooks/signature';
import { startApp, type AppServer } from '../helpers/app-server';
import { createTestDatabase } from '../helpers/database';
import {
  countDomainRows,
  envelope,
  OTHER_WEBHOOK_SECRET,
  sendWebhook,
  TEST_WEBHOOK_SECRET,
  waitFor,
  waitForInboxDrained,
} from '../helpers/webhooks';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let app: AppServer;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp({
    databaseUrl: database.url,
    // Rotation: the old and the new secret side by side, with stray spaces.
    env: { DEBITURA_WEBHOOK_SECRETS: ` ${TEST_WEBHOOK_SECRET} , ${OTHER_WEBHOOK_SECRET} ` },
  });
});

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

async function snapshot() {
  return countDomainRows(database.pool);
}

async function lastRejection() {
  const { rows } = await database.pool.query('SELECT * FROM rejected_deliveries ORDER BY id DESC LIMIT 1');
  return rows[0];
}

async function rejectionCount(): Promise<number> {
  const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM rejected_deliveries');
  return rows[0].n;
}

describe('accepting', () => {
  it('stores a signed event, answers accepted, and applies it within a second', async () => {
    // A first event warms the route and the applier (module loading, prepared statements).
    expect(
      (await sendWebhook(app.url, envelope('case.assigned', { reference: 'ROUTE-0', lifecycle: 'Active' }))).status,
    ).toBe(200);
    await waitForInboxDrained(database.pool);

    const event = envelope('case.assigned', { reference: 'ROUTE-1', lifecycle: 'Active' });
    const response = await sendWebhook(app.url, event, {
      headers: { 'x-forwarded-for': '203.0.113.7', 'x-debitura-replay': 'true' },
    });
    expect(response).toMatchObject({ status: 200, body: { status: 'accepted' } });

    const { rows } = await database.pool.query('SELECT * FROM webhook_events WHERE id = $1', [event.id]);
    expect(rows[0]).toMatchObject({
      type: 'case.assigned',
      case_reference: 'ROUTE-1',
      is_test: false,
      is_replay: true,
    });
    expect(rows[0].raw_body).toBe(JSON.stringify(event));
    expect(rows[0].secret_id).toBe(secretFingerprint(decodeSecret(TEST_WEBHOOK_SECRET)));
    expect(rows[0].headers).toMatchObject({ 'x-debitura-event': 'case.assigned', 'x-forwarded-for': '203.0.113.7' });
    expect(JSON.stringify(rows[0].headers)).not.toContain('signature');

    const applied = await waitFor(
      async () => {
        const result = await database.pool.query("SELECT state FROM cases WHERE reference = 'ROUTE-1'");
        return result.rows[0]?.state === 'Active';
      },
      1_000,
      'the event to be applied within 1 s',
    );
    expect(applied).toBe(true);
  });

  it('accepts the second configured secret (rotation) and records which one verified', async () => {
    const event = envelope('case.updated', { reference: 'ROUTE-1', oldLifecycle: 'Active', newLifecycle: 'Paused' });
    expect(await sendWebhook(app.url, event, { secret: OTHER_WEBHOOK_SECRET })).toMatchObject({
      status: 200,
      body: { status: 'accepted' },
    });
    const { rows } = await database.pool.query('SELECT secret_id FROM webhook_events WHERE id = $1', [event.id]);
    expect(rows[0].secret_id).toBe(secretFingerprint(decodeSecret(OTHER_WEBHOOK_SECRET)));
    expect(rows[0].secret_id).toMatch(/^[0-9a-f]{8}$/);
  });

  it('answers a repeated id as a duplicate and changes nothing, even with another body', async () => {
    const event = envelope('payment.created', {
      reference: 'ROUTE-DUP',
      paymentId: 'pay-dup',
      amount: 10,
      currency: 'EUR',
    });
    expect((await sendWebhook(app.url, event)).body).toEqual({ status: 'accepted' });
    await waitForInboxDrained(database.pool);
    const before = await snapshot();
    const altered = { ...event, data: { ...event.data, amount: 999 } };
    expect(await sendWebhook(app.url, event)).toMatchObject({ status: 200, body: { status: 'duplicate' } });
    expect(await sendWebhook(app.url, altered)).toMatchObject({ status: 200, body: { status: 'duplicate' } });
    await waitFor(
      async () => {
        const { rows } = await database.pool.query('SELECT duplicate_count FROM webhook_events WHERE id = $1', [
          event.id,
        ]);
        return rows[0].duplicate_count === 2;
      },
      5_000,
      'the duplicate counter',
    );
    expect(await snapshot()).toEqual(before);
    const { rows } = await database.pool.query(
      "SELECT amount_minor FROM payments WHERE debitura_payment_id = 'pay-dup'",
    );
    expect(rows[0].amount_minor).toBe('1000');
  });

  it('stores an unknown event type as ignored and answers 200', async () => {
    const before = await snapshot();
    const event = envelope('case.teleported', { reference: 'ROUTE-UNKNOWN' });
    expect(await sendWebhook(app.url, event)).toMatchObject({ status: 200, body: { status: 'ignored' } });
    const { rows } = await database.pool.query('SELECT status FROM webhook_events WHERE id = $1', [event.id]);
    expect(rows[0].status).toBe('ignored');
    await waitForInboxDrained(database.pool);
    expect(await snapshot()).toEqual({ ...before, inbox: before.inbox + 1 });
  });

  it('marks test cases by the signed classification; the unsigned X-Debitura-Test header alone marks nothing', async () => {
    const live = envelope(
      'case.assigned',
      { reference: 'ROUTE-LIVE-H', lifecycle: 'Active' },
      { timestamp: '2026-11-20T10:00:00Z' },
    );
    const headerOnly = envelope(
      'case.updated',
      { reference: 'ROUTE-LIVE-H', newLifecycle: 'Paused' },
      { timestamp: '2026-11-20T11:00:00Z' },
    );
    const byClassification = envelope('case.assigned', {
      reference: 'ROUTE-TEST-C',
      lifecycle: 'Active',
      classification: 'test',
    });
    await sendWebhook(app.url, live);
    await sendWebhook(app.url, headerOnly, { headers: { 'x-debitura-test': 'true' } });
    await sendWebhook(app.url, byClassification, { headers: { 'x-debitura-test': 'true' } });
    await waitForInboxDrained(database.pool);
    const { rows } = await database.pool.query(
      "SELECT reference, state, is_test FROM cases WHERE reference IN ('ROUTE-LIVE-H', 'ROUTE-TEST-C') ORDER BY reference",
    );
    expect(rows).toEqual([
      { reference: 'ROUTE-LIVE-H', state: 'Paused', is_test: false },
      { reference: 'ROUTE-TEST-C', state: 'Active', is_test: true },
    ]);
    // The delivery itself still shows what it claimed, for the admin's delivery list.
    const { rows: inbox } = await database.pool.query('SELECT is_test FROM webhook_events WHERE id = $1', [
      headerOnly.id,
    ]);
    expect(inbox).toEqual([{ is_test: true }]);
  });
});

describe('refusing', () => {
  let before: Record<string, number>;
  let rejectionsBefore: number;
  beforeEach(async () => {
    await waitForInboxDrained(database.pool);
    before = await snapshot();
    rejectionsBefore = await rejectionCount();
  });

  async function expectNothingChanged() {
    await waitForInboxDrained(database.pool);
    expect(await snapshot()).toEqual(before);
  }

  it('refuses a body over 1 MiB by Content-Length with 413, storing nothing', async () => {
    const body = JSON.stringify(
      envelope('chat.created', { reference: 'BIG', chatId: 'c', message: 'x'.repeat(1024 * 1024) }),
    );
    const response = await sendWebhook(app.url, body);
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ error: { code: 'payload_too_large' } });
    await expectNothingChanged();
    expect(await rejectionCount()).toBe(rejectionsBefore);
  });

  it('refuses a streamed body over 1 MiB without Content-Length with 413', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${app.url}/api/webhooks/debitura`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'transfer-encoding': 'chunked',
          'x-debitura-signature': 't=1,v1=00',
        },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      // The server may close the connection before the whole body is written.
      request.on('error', (error) =>
        String(error).includes('EPIPE') || String(error).includes('ECONNRESET') ? undefined : reject(error),
      );
      const chunk = Buffer.alloc(64 * 1024, 'a');
      for (let i = 0; i < 20; i++) request.write(chunk);
      request.end();
    });
    expect(status).toBe(413);
    await expectNothingChanged();
    expect(await rejectionCount()).toBe(rejectionsBefore);
  });

  const signed = () => envelope('case.assigned', { reference: 'NEVER-STORED', lifecycle: 'Active' });
  const now = () => Math.floor(Date.now() / 1000);

  // Functions, so the signing time is taken when the test runs.
  it.each([
    ['missing_signature', () => ({ signature: null })],
    ['malformed_signature', () => ({ signature: 'sha256=abc' })],
    ['malformed_signature', () => ({ signature: 't=abc,v1=' + 'a'.repeat(64) })],
    ['stale_timestamp', () => ({ signedAt: now() - 301 })],
    ['future_timestamp', () => ({ signedAt: now() + 35 })],
    ['no_matching_secret', () => ({ secret: Buffer.from('not the configured secret').toString('base64') })],
  ])('refuses %s with 401, records it without the body, stores nothing', async (reason, options) => {
    const response = await sendWebhook(app.url, signed(), {
      ...options(),
      headers: { 'x-forwarded-for': '198.51.100.4, 10.0.0.1' },
    });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: { code: reason } });
    await expectNothingChanged();
    expect(await rejectionCount()).toBe(rejectionsBefore + 1);
    expect(await lastRejection()).toMatchObject({
      reason,
      status: 401,
      event_type: 'case.assigned',
      client_address: '198.51.100.4',
      body: null,
    });
  });

  it('refuses a signature over other bytes (re-serialised JSON does not verify)', async () => {
    const event = signed();
    const signature = signatureHeader(TEST_WEBHOOK_SECRET, JSON.stringify(event, null, 2));
    const response = await sendWebhook(app.url, event, { signature, headers: { 'x-real-ip': '192.0.2.9' } });
    expect(response.status).toBe(401);
    expect(await lastRejection()).toMatchObject({ reason: 'no_matching_secret', client_address: '192.0.2.9' });
    await expectNothingChanged();
  });

  const valid = {
    id: 'evt-bad',
    event: 'case.assigned',
    timestamp: '2026-11-20T10:00:00Z',
    data: { reference: 'NEVER-STORED' },
  };
  it.each([
    ['invalid_json', '{"id": "evt-bad", "event": '],
    ['invalid_json', ''],
    ['not_an_object', '["case.assigned"]'],
    ['missing_id', JSON.stringify({ ...valid, id: undefined })],
    ['invalid_id', JSON.stringify({ ...valid, id: 'i'.repeat(5000) })],
    ['missing_event', JSON.stringify({ ...valid, event: undefined })],
    ['missing_timestamp', JSON.stringify({ ...valid, timestamp: undefined })],
    ['invalid_timestamp', JSON.stringify({ ...valid, timestamp: 'last tuesday' })],
    ['missing_data', JSON.stringify({ ...valid, data: undefined })],
    ['missing_data', JSON.stringify({ ...valid, data: null })],
  ])('refuses a verified body with %s as 400 and keeps the body in the rejection', async (reason, body) => {
    const response = await sendWebhook(app.url, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: reason } });
    await expectNothingChanged();
    expect(await rejectionCount()).toBe(rejectionsBefore + 1);
    expect(await lastRejection()).toMatchObject({ reason, status: 400, body });
  });

  it('refuses a body that is not UTF-8 as 400 and keeps a readable copy', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"id":"x","event":"case.assigned","data":{"reference":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}}'),
    ]);
    const response = await sendWebhook(app.url, bytes);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'invalid_encoding' } });
    expect((await lastRejection()).body).toContain('case.assigned');
    await expectNothingChanged();
  });

  it('keeps hostile strings as data: SQL, markup, NUL escapes, huge references', async () => {
    const hostile = "Robert'); DROP TABLE cases;-- <script>alert(1)</script> \u0000 \u202e";
    const asHeader = "Robert'); DROP TABLE cases;-- <script>alert(1)</script>";
    const before = await snapshot();
    const header = await sendWebhook(app.url, 'not json', { headers: { 'x-debitura-event': asHeader } });
    expect(header.status).toBe(400);
    expect((await lastRejection()).event_type).toBe(asHeader);

    const chat = envelope('chat.created', {
      reference: 'HOSTILE-1',
      chatId: 'hostile-chat',
      message: hostile,
      user: { firstName: hostile },
    });
    expect((await sendWebhook(app.url, chat)).status).toBe(200);
    const longReference = envelope('case.updated', { reference: 'R'.repeat(10_000), newLifecycle: 'Active' });
    expect((await sendWebhook(app.url, longReference)).status).toBe(200);
    await waitForInboxDrained(database.pool);

    // Stored exactly as sent (but for the NUL PostgreSQL cannot hold), wherever it lands.
    const stored = hostile.replace('\u0000', '');
    const { rows } = await database.pool.query(
      "SELECT message, author_name FROM chat_messages WHERE debitura_chat_id = 'hostile-chat'",
    );
    expect(rows).toEqual([{ message: stored, author_name: stored }]);
    const { rows: timeline } = await database.pool.query(
      "SELECT e.detail FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.reference = 'HOSTILE-1'",
    );
    expect(timeline).toEqual([{ detail: { chatId: 'hostile-chat', author: stored } }]);
    const { rows: failed } = await database.pool.query('SELECT status, error FROM webhook_events WHERE id = $1', [
      longReference.id,
    ]);
    expect(failed[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('reference') });
    // Exactly the one new case and its message: every case stored before is still there.
    expect(await snapshot()).toMatchObject({ cases: before.cases + 1, chat: before.chat + 1 });
  });

  it('never answers 410 or 5xx for anything a retry cannot fix', async () => {
    const bodies = [
      '',
      '{}',
      'null',
      '{"id":1,"event":"x","timestamp":"2026-01-01T00:00:00Z","data":{}}',
      JSON.stringify(valid),
    ];
    for (const body of bodies) {
      const { status } = await sendWebhook(app.url, body);
      expect(status).not.toBe(410);
      expect(status).toBeLessThan(500);
    }
  });
});

describe('the database being down', () => {
  it('answers 503 so Debitura retries, and the rejection path still answers 401', async () => {
    // A port nothing listens on: every connection is refused.
    const down = await startApp({
      databaseUrl: 'postgresql://postgres:none@127.0.0.1:9/casedesk',
      env: { DEBITURA_WEBHOOK_SECRETS: TEST_WEBHOOK_SECRET, CASEDESK_JOBS: 'off' },
    });
    try {
      const response = await sendWebhook(
        down.url,
        envelope('case.assigned', { reference: 'DOWN-1', lifecycle: 'Active' }),
      );
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ error: { code: 'unavailable' } });
      expect((await sendWebhook(down.url, 'x', { signature: null })).status).toBe(401);
    } finally {
      await down.stop();
    }
  });
});
