import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@/lib/admin/audit-log';
import { countOutbox, listOutbox } from '@/lib/admin/outbox';
import { retryOutboxFromForm } from '@/lib/admin/outbox-retry';
import { getDelivery, listDeliveries, visibleHeaders } from '@/lib/admin/deliveries';
import { parseDeliveryFilters } from '@/lib/admin/params';
import { listRejected, rejectionTimeline } from '@/lib/admin/rejections';
import { reprocessFromForm } from '@/lib/admin/reprocess';
import { secretUsage } from '@/lib/admin/secret-usage';
import { createReply } from '@/lib/chat/reply';
import { db } from '@/lib/db';
import { storeActiveSecret } from '@/lib/debitura/store';
import { closePool } from '@/lib/database/pool';
import { createUser } from '@/lib/users/users';
import { applyPendingEvents } from '@/lib/webhooks/applier';
import { receiveDelivery } from '@/lib/webhooks/receive';
import { parseWebhookSecrets } from '@/lib/webhooks/secrets';
import { forgetStoredWebhookKeys } from '@/lib/webhooks/stored-secrets';
import { signatureHeader } from '@/lib/webhooks/signature';
import { editCursor } from '@/test/helpers/cursors';
import { createTestDatabase } from '@/test/helpers/database';

/**
 * The delivery log's queries and the reprocess operation, on a real PostgreSQL, with the
 * inbox filled through the webhook route's own handler (signed deliveries, a bad
 * signature, a stale one) and applied by the real applier.
 */

const OLD_SECRET = randomBytes(32).toString('base64');
const NEW_SECRET = randomBytes(32).toString('base64');
const [OLD_PRINT, NEW_PRINT] = parseWebhookSecrets(`${OLD_SECRET},${NEW_SECRET}`).map((key) => key.fingerprint);

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: { id: string; email: string; role: string };

type Envelope = { id: string; event: string; timestamp: string; data: Record<string, unknown> };

function envelope(
  event: string,
  reference: string,
  data: Record<string, unknown> = {},
  at = '2026-11-20T10:00:00Z',
): Envelope {
  return { id: randomUUID(), event, timestamp: at, data: { reference, ...data } };
}

async function deliver(
  body: Envelope | string,
  options: { secret?: string; headers?: Record<string, string>; signedAt?: number } = {},
) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const request = new Request('http://127.0.0.1/api/webhooks/debitura', {
    method: 'POST',
    body: text,
    headers: {
      'content-type': 'application/json',
      'x-debitura-event': typeof body === 'string' ? 'case.updated' : body.event,
      'x-debitura-signature': signatureHeader(options.secret ?? NEW_SECRET, text, options.signedAt),
      'x-forwarded-for': '203.0.113.7',
      ...options.headers,
    },
  });
  const response = await receiveDelivery(request);
  // Apart in time, so "newest first" has one right answer.
  await new Promise((resolve) => setTimeout(resolve, 5));
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const assigned = envelope(
  'case.assigned',
  'ADM-LIVE-1',
  { lifecycle: 'Active', currency: 'EUR' },
  '2026-11-20T10:00:00Z',
);
const updatedTest = envelope(
  'case.updated',
  'ADM-TEST-1',
  { oldLifecycle: 'Active', newLifecycle: 'Paused' },
  '2026-11-20T11:00:00Z',
);
const unknownType = envelope('case.teleported', 'ADM-LIVE-1');
// A case.updated without its new state cannot be applied: it fails and waits for a reprocess.
const broken = envelope('case.updated', 'ADM-LIVE-1', { oldLifecycle: 'Active' }, '2026-11-20T12:00:00Z');
const paused = envelope(
  'case.updated',
  'ADM-LIVE-1',
  { oldLifecycle: 'Active', newLifecycle: 'Paused' },
  '2026-11-20T13:00:00Z',
);

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.DEBITURA_WEBHOOK_SECRETS = `${OLD_SECRET},${NEW_SECRET}`;
  admin = await createUser({
    email: 'root@agency.test',
    name: 'Root',
    role: 'admin',
    password: 'correct horse battery',
  });

  expect((await deliver(assigned, { secret: OLD_SECRET })).status).toBe(200);
  expect((await deliver(updatedTest, { headers: { 'x-debitura-test': 'true' } })).status).toBe(200);
  expect((await deliver(unknownType)).json).toEqual({ status: 'ignored' });
  expect((await deliver(broken)).status).toBe(200);
  expect((await deliver(paused)).status).toBe(200);
  // A repeat, and a replay of the same event: both counted on the first row.
  expect((await deliver(assigned)).json).toEqual({ status: 'duplicate' });
  expect((await deliver(assigned, { headers: { 'x-debitura-replay': 'true' } })).json).toEqual({ status: 'duplicate' });
  // Refused: a secret nobody configured, and a signature from ten minutes ago.
  const forged = envelope('case.closed', 'ADM-LIVE-1', { closeCode: 'Paid' });
  expect((await deliver(forged, { secret: randomBytes(32).toString('base64') })).status).toBe(401);
  expect((await deliver(forged, { signedAt: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
  expect((await deliver('{"id": "no-json')).status).toBe(400);

  await applyPendingEvents();
  // The duplicate counter is bumped off the response path: wait until both repeats landed.
  for (
    let tries = 0;
    (await db.webhookEvent.findUnique({ where: { id: assigned.id } }))?.duplicateCount !== 2;
    tries++
  ) {
    if (tries > 100) throw new Error('the duplicate deliveries were never counted');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
});

afterAll(async () => {
  await db.$disconnect();
  await closePool();
  await database?.drop();
});

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

describe('the delivery log', () => {
  it('lists every verified delivery once, newest first, with status, duplicates and test flag', async () => {
    const { rows, nextCursor } = await listDeliveries(parseDeliveryFilters({}));
    expect(nextCursor).toBeNull();
    expect(ids(rows)).toEqual([paused.id, broken.id, unknownType.id, updatedTest.id, assigned.id]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(assigned.id)).toMatchObject({
      status: 'applied',
      duplicateCount: 2,
      isTest: false,
      caseReference: 'ADM-LIVE-1',
      type: 'case.assigned',
    });
    expect(byId.get(updatedTest.id)).toMatchObject({ status: 'applied', isTest: true });
    expect(byId.get(unknownType.id)).toMatchObject({ status: 'ignored' });
    expect(byId.get(broken.id)).toMatchObject({ status: 'failed' });
    expect(byId.get(broken.id)?.error).toMatch(/newLifecycle/);
  });

  it('filters by status, duplicates, type, live/test, case and day', async () => {
    const list = async (params: Record<string, string>) =>
      ids((await listDeliveries(parseDeliveryFilters(params))).rows);
    expect(await list({ status: 'failed' })).toEqual([broken.id]);
    expect(await list({ status: 'ignored' })).toEqual([unknownType.id]);
    expect(await list({ status: 'duplicate' })).toEqual([assigned.id]);
    expect(await list({ mode: 'test' })).toEqual([updatedTest.id]);
    expect(await list({ mode: 'live', type: 'case.updated' })).toEqual([paused.id, broken.id]);
    expect(await list({ case: 'ADM-TEST-1' })).toEqual([updatedTest.id]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await list({ from: today, to: today })).toHaveLength(5);
    expect(await list({ from: '2099-01-01' })).toEqual([]);
    expect(await list({ to: '2000-01-01' })).toEqual([]);
    // A filter value that does not parse is dropped, not an error.
    expect(await list({ status: 'exploded', from: 'yesterday' })).toHaveLength(5);
  });

  it('pages by keyset: every row exactly once, in order, whatever the page size', async () => {
    const all = ids((await listDeliveries(parseDeliveryFilters({}))).rows);
    for (const size of [1, 2, 3]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listDeliveries(parseDeliveryFilters(cursor ? { cursor } : {}), size);
        expect(page.rows.length).toBeLessThanOrEqual(size);
        seen.push(...ids(page.rows));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(all);
    }
    // A garbled cursor starts from the top instead of failing.
    expect(ids((await listDeliveries(parseDeliveryFilters({ cursor: 'not-a-cursor' }))).rows)).toEqual(all);
    // So does one edited to hold a time PostgreSQL cannot store.
    const edited = editCursor(
      (await listDeliveries(parseDeliveryFilters({}), 1)).nextCursor!,
      2,
      '-271821-04-20T00:00Z',
    );
    expect(ids((await listDeliveries(parseDeliveryFilters({ cursor: edited }))).rows)).toEqual(all);
  });

  it('shows the payload pretty-printed and the stored headers, never the signature', async () => {
    const detail = await getDelivery(updatedTest.id);
    expect(detail?.prettyBody).toBe(JSON.stringify(updatedTest, null, 2));
    const headers = Object.fromEntries(detail?.headers ?? []);
    expect(headers).toMatchObject({ 'x-debitura-event': 'case.updated', 'x-debitura-test': 'true' });
    expect(Object.keys(headers).some((name) => /signature/i.test(name))).toBe(false);
    expect(JSON.stringify(detail)).not.toContain('v1=');
    expect(detail?.secretId).toBe(NEW_PRINT);
    expect(await getDelivery('no-such-event')).toBeNull();
    // Should a signature ever be stored, the page still hides it (and other credentials).
    expect(
      visibleHeaders({
        'X-Debitura-Signature': 't=1,v1=ab',
        authorization: 'Bearer x',
        Cookie: 'a=b',
        'x-debitura-event': 'case.closed',
      }),
    ).toEqual([['x-debitura-event', 'case.closed']]);
  });
});

describe('rejected deliveries', () => {
  it('lists each refusal with its reason, answer, event header and client address', async () => {
    const { rows } = await listRejected({});
    expect(rows.map((row) => [row.reason, row.status, row.eventType, row.clientAddress])).toEqual([
      ['invalid_json', 400, 'case.updated', '203.0.113.7'],
      ['stale_timestamp', 401, 'case.closed', '203.0.113.7'],
      ['no_matching_secret', 401, 'case.closed', '203.0.113.7'],
    ]);
    expect((await listRejected({ reason: 'stale_timestamp' })).rows).toHaveLength(1);
    const first = await listRejected({}, 2);
    const second = await listRejected({ cursor: first.nextCursor ?? undefined }, 2);
    expect([...first.rows, ...second.rows].map((row) => row.reason)).toEqual(rows.map((row) => row.reason));
    expect(second.nextCursor).toBeNull();
    // An id past PostgreSQL's bigint starts from the top, never an error.
    expect((await listRejected({ cursor: '9'.repeat(19) })).rows).toEqual(rows);
  });

  it('counts accepted and rejected deliveries per hour and per day, by reason', async () => {
    for (const range of ['24h', '14d'] as const) {
      const timeline = await rejectionTimeline(range);
      expect(timeline.buckets).toHaveLength(range === '24h' ? 24 : 14);
      expect(timeline.buckets.at(-1)!.start.getTime()).toBeLessThanOrEqual(Date.now());
      // Everything happened in the last minute or so: in the newest bucket (or the one before, at an hour's turn).
      const recent = timeline.buckets.slice(-2);
      const sum = (pick: (bucket: (typeof recent)[number]) => number) =>
        recent.reduce((total, bucket) => total + pick(bucket), 0);
      expect([sum((b) => b.accepted), sum((b) => b.rejected)]).toEqual([5, 3]);
      expect(
        ['no_matching_secret', 'stale_timestamp', 'invalid_json'].map((reason) => sum((b) => b.byReason[reason] ?? 0)),
      ).toEqual([1, 1, 1]);
      expect(timeline.buckets.slice(0, -2).every((bucket) => bucket.accepted === 0 && bucket.rejected === 0)).toBe(
        true,
      );
      expect(timeline.reasons).toEqual(['invalid_json', 'no_matching_secret', 'stale_timestamp']);
    }
  });

  it('tells which configured secret verified the recent deliveries, so an old one can be retired', async () => {
    const usage = await secretUsage();
    expect(usage.map((row) => [row.fingerprint, row.isConfigured, row.position, row.last24h])).toEqual([
      [OLD_PRINT, true, 1, 1],
      [NEW_PRINT, true, 2, 4],
    ]);
    expect(usage[0].lastSeenAt).toBeInstanceOf(Date);
    // After the old secret is removed from the configuration, its past use is still listed.
    const rotated = await secretUsage(new Date(), parseWebhookSecrets(NEW_SECRET));
    expect(rotated.map((row) => [row.fingerprint, row.isConfigured, row.lastWindow])).toEqual([
      [NEW_PRINT, true, 4],
      [OLD_PRINT, false, 1],
    ]);
    expect(JSON.stringify(usage)).not.toContain(OLD_SECRET);
  });

  it('lists the secrets the Debitura connection stored, active and retiring, beside the configured ones', async () => {
    const saved = process.env.CASEDESK_ENCRYPTION_KEY;
    process.env.CASEDESK_ENCRYPTION_KEY = randomBytes(32).toString('base64');
    const [retired, current] = [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')];
    const [retiredPrint, currentPrint] = parseWebhookSecrets(`${retired},${current}`).map((key) => key.fingerprint);
    try {
      await storeActiveSecret(retired);
      await storeActiveSecret(current); // a rotation: the first one is retiring now
      forgetStoredWebhookKeys();
      const delivery = await deliver(envelope('case.updated', 'ADM-STORED-1', { newLifecycle: 'Paused' }), {
        secret: current,
      });
      expect(delivery.status).toBe(200);

      const usage = await secretUsage();
      const row = (print: string) => usage.find((entry) => entry.fingerprint === print);
      expect(usage.map((entry) => entry.fingerprint).slice(0, 2)).toEqual([OLD_PRINT, NEW_PRINT]);
      expect(row(OLD_PRINT)).toMatchObject({ isConfigured: true, position: 1, storedStatus: null });
      expect(row(currentPrint)).toMatchObject({
        isConfigured: true,
        position: null,
        storedStatus: 'active',
        last24h: 1,
      });
      expect(row(retiredPrint)).toMatchObject({
        isConfigured: true,
        position: null,
        storedStatus: 'retiring',
        last24h: 0,
      });
      expect(JSON.stringify(usage)).not.toContain(current);
      expect(JSON.stringify(usage)).not.toContain(retired);
    } finally {
      await db.debituraWebhookSecret.deleteMany({});
      if (saved === undefined) delete process.env.CASEDESK_ENCRYPTION_KEY;
      else process.env.CASEDESK_ENCRYPTION_KEY = saved;
    }
  });
});

describe('reprocessing failed events', () => {
  it('re-applies one event or every failed one, and audits who did it', async () => {
    // The applied update "failed" when it first came in (a since-fixed bug, say).
    await database.pool.query("UPDATE webhook_events SET status = 'failed', error = 'bug 123' WHERE id = $1", [
      paused.id,
    ]);

    const single = new FormData();
    single.set('id', broken.id);
    const still = await reprocessFromForm(single, admin);
    expect(still).toMatchObject({ status: 'error' });
    expect(still.message).toMatch(/newLifecycle/);

    const all = new FormData();
    all.set('scope', 'failed');
    const result = await reprocessFromForm(all, admin);
    expect(result.message).toBe('Reprocessed 2: applied 1, failed 1, ignored 0.');
    const { rows } = await database.pool.query('SELECT id, status FROM webhook_events WHERE id = ANY($1) ORDER BY id', [
      [paused.id, broken.id],
    ]);
    expect(Object.fromEntries(rows.map((row) => [row.id, row.status]))).toEqual({
      [paused.id]: 'applied',
      [broken.id]: 'failed',
    });

    const audit = (await listAudit({ action: 'events.reprocessed' })).rows;
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      actorEmail: admin.email,
      targetId: null,
      detail: { count: 2, applied: 1, failed: 1 },
    });
    expect(audit[1]).toMatchObject({ actorEmail: admin.email, targetId: broken.id, detail: { count: 1, failed: 1 } });

    const missing = new FormData();
    missing.set('id', 'no-such-event');
    expect(await reprocessFromForm(missing, admin)).toMatchObject({
      status: 'error',
      message: 'No stored event with that id.',
    });
    expect((await listAudit({ action: 'events.reprocessed' })).rows).toHaveLength(2);
  });
});

describe('the outbox', () => {
  it('lists failed actions as typed and retries one or all, keeping the idempotency key and history, audited', async () => {
    const first = await createReply(admin, 'ADM-LIVE-1', '<b>Hello</b> & welcome');
    const second = await createReply(admin, 'ADM-LIVE-1', 'Second reply');
    const actionOf = (chatMessageId: string) => db.outboundAction.findUniqueOrThrow({ where: { chatMessageId } });
    const key = (await actionOf(first.id)).idempotencyKey;
    // Both ran out of automatic attempts (Debitura kept failing them).
    await database.pool.query(
      `UPDATE outbound_actions SET status = 'failed', attempts = 12, next_attempt_at = NULL, last_error = 'HTTP 500',
         error_code = 'exhausted' WHERE chat_message_id = ANY($1::uuid[])`,
      [[first.id, second.id]],
    );
    expect(await countOutbox()).toEqual({ failed: 2, retrying: 0 });
    const failed = await listOutbox('failed');
    expect(
      failed.map((row) => [row.kind, row.summary, row.caseReference, row.attempts, row.lastError, row.actorEmail]),
    ).toEqual([
      ['chat_reply', 'Second reply', 'ADM-LIVE-1', 12, 'HTTP 500', admin.email],
      ['chat_reply', '<b>Hello</b> & welcome', 'ADM-LIVE-1', 12, 'HTTP 500', admin.email],
    ]);

    const firstAction = await actionOf(first.id);
    const one = new FormData();
    one.set('id', firstAction.id);
    expect(await retryOutboxFromForm(one, admin)).toEqual({
      state: { status: 'success', message: 'Sending again.' },
      ids: [firstAction.id],
    });
    // Same key, the attempt history kept (an earlier attempt may have reached Debitura), fresh allowance.
    expect(await actionOf(first.id)).toMatchObject({
      status: 'pending',
      attempts: 12,
      attemptsBeforeRetry: 12,
      errorCode: null,
      idempotencyKey: key,
    });
    // The thread shows the reply sending again.
    expect(await db.chatMessage.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: 'sending',
      attempts: 0,
    });
    expect(await countOutbox()).toEqual({ failed: 1, retrying: 1 });

    const all = new FormData();
    all.set('scope', 'failed');
    const secondAction = await actionOf(second.id);
    expect((await retryOutboxFromForm(all, admin)).ids).toEqual([secondAction.id]);
    expect(await countOutbox()).toEqual({ failed: 0, retrying: 2 });
    expect((await retryOutboxFromForm(all, admin)).state.message).toBe('No failed actions.');

    const audit = (await listAudit({ action: 'outbox.action_retried' })).rows;
    expect(audit.map((row) => [row.actorEmail, row.targetId])).toEqual([
      [admin.email, secondAction.id],
      [admin.email, firstAction.id],
    ]);

    const bogus = new FormData();
    bogus.set('id', 'not-a-uuid');
    expect((await retryOutboxFromForm(bogus, admin)).state.status).toBe('error');
    expect((await listAudit({ action: 'outbox.action_retried' })).rows).toHaveLength(2);
  });
});
