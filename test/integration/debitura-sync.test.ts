import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPendingDetails } from '@/lib/jobs/case-detail';
import { startFakeApi, type FakeApi } from '@/lib/simulator/fake-api';
import { generateSimulation } from '@/lib/simulator/generate';
import { spawnAdmin, runAdmin } from '@/test/helpers/admin-cli';
import { startApp, TEST_AUTH_SECRET, type AppServer } from '@/test/helpers/app-server';
import { createTestDatabase } from '@/test/helpers/database';
import { envelope, ingestDirect, sendWebhookRetrying, waitFor, type Envelope } from '@/test/helpers/webhooks';

/**
 * The first sync: 300 cases on the fake API (chats, payments, closed ones), imported by
 * `debitura:sync` into an empty Casedesk, must end where the same cases built from their
 * webhooks end. The import is killed halfway and resumed, and a webhook for a case arrives
 * in the middle of it. The reference is built independently: every generated event through
 * the inbox and the applier on a database of its own, detail fetched by the detail job.
 */

const API_KEY = 'sync-test-api-key';
const simulation = generateSimulation({ cases: 300, seed: 4242 });

let reference: Awaited<ReturnType<typeof createTestDatabase>>;
let target: Awaited<ReturnType<typeof createTestDatabase>>;
let api: FakeApi;
let app: AppServer;
let cliEnv: Record<string, string>;

beforeAll(async () => {
  [reference, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  api = await startFakeApi({ simulation, apiKey: API_KEY });
  // The app has no API key: the CLI alone drives the import, so killing it stops the import.
  app = await startApp({
    databaseUrl: target.url,
    env: { DEBITURA_API_URL: api.url, DEBITURA_API_KEY: '', DEBITURA_WEBHOOK_SECRETS: SECRET },
  });
  cliEnv = {
    DATABASE_URL: target.url,
    AUTH_SECRET: TEST_AUTH_SECRET,
    DEBITURA_API_URL: api.url,
    DEBITURA_API_KEY: API_KEY,
    DEBITURA_SYNC_LEASE_SECONDS: '2',
  };
});

afterAll(async () => {
  await app?.stop();
  await api?.close();
  await Promise.all([reference?.drop(), target?.drop()]);
});

const SECRET = Buffer.from('sync-test-webhook-secret').toString('base64');

/** What a case shows, without what only the history knows (timeline, exact close comment, activity times). */
async function projection(pool: typeof reference.pool) {
  const query = async (sql: string) => (await pool.query(sql)).rows;
  return {
    cases:
      await query(`SELECT reference, debitura_case_id, creditor_reference, state, close_code, closed_at, engagement_phase,
        is_test, currency, original_amount_minor, added_fees_minor, paid_minor, outstanding_minor, debtor_name, creditor_name,
        debtor, creditor, fees, date_created, due_date, assigned_at, detail_status
      FROM cases ORDER BY reference`),
    payments: await query(`SELECT c.reference, p.debitura_payment_id, p.amount_minor, p.currency, p.date, p.recipient,
        p.method, p.is_deleted
      FROM payments p JOIN cases c ON c.id = p.case_id ORDER BY p.debitura_payment_id`),
    chat: await query(`SELECT c.reference, m.debitura_chat_id, m.direction, m.message, m.author_name, m.author_email,
        m.author_role, m.at
      FROM chat_messages m JOIN cases c ON c.id = m.case_id ORDER BY m.debitura_chat_id`),
  };
}

describe('debitura:sync', { timeout: 600_000 }, () => {
  it('imports 300 cases to the state their webhooks build, resuming after a kill, with a webhook mid-import', async () => {
    // A chat message that arrives by webhook while the import runs (and is also in the reference).
    const late = simulation.cases[280];
    const midImport: Envelope = envelope('chat.created', {
      caseId: late.caseId,
      reference: late.reference,
      chatId: 'mid-import-chat',
      message: 'Sent while the import ran',
      dateCreated: '2026-11-29T10:00:00Z',
      roleLabel: 'Creditor',
      user: { firstName: 'Mia', lastName: 'Creditor', email: 'mia@creditor.example' },
    });

    // Debitura stops answering after the first page's list: the run waits for it, and there the CLI is killed.
    api.connection.failNextCalls(503, 1_000, 1);
    const first = spawnAdmin(['debitura:sync'], cliEnv);
    await waitFor(async () => first.stderr().includes('import: 100/300 cases'), 240_000, 'the first page');
    await waitFor(async () => first.stderr().includes('waiting: unreachable'), 60_000, 'the import to wait');
    first.child.kill('SIGKILL');
    api.connection.failNextCalls(503, 0);
    await first.done;
    const { rows: stopped } = await target.pool.query(
      "SELECT status, next_page FROM debitura_sync_runs WHERE kind = 'import'",
    );
    expect(stopped).toEqual([expect.objectContaining({ status: 'running' })]);
    expect(stopped[0].next_page).toBe(2);

    expect((await sendWebhookRetrying(app.url, midImport, { secret: SECRET })).status).toBe(200);
    const second = await runAdmin(['debitura:sync'], cliEnv);
    expect(second.stderr).toContain(`resuming the import at page ${stopped[0].next_page}`);
    expect(second.code).toBe(0);
    expect(second.stdout.trim().split('\n').at(-1)).toMatch(/^import done: 300 cases in /);

    // The reference: every event through the inbox and the applier, then the detail job for cases without detail.
    await ingestDirect(reference.pool, [...(simulation.events as Envelope[]), midImport], () => 500);
    // No rate limiter: this process has no DATABASE_URL of its own, and only the fake API is called.
    const config = { baseUrl: api.url, apiKey: API_KEY, timeoutMs: 10_000, limiter: null };
    while (await fetchPendingDetails(reference.pool, config));
    await waitFor(
      async () =>
        (await target.pool.query("SELECT count(*)::int AS n FROM webhook_events WHERE status = 'received'")).rows[0]
          .n === 0,
      20_000,
      'the app to apply the mid-import webhook',
    );

    const [expected, actual] = await Promise.all([projection(reference.pool), projection(target.pool)]);
    expect(actual.cases).toHaveLength(300);
    expect(expected.cases.filter((row) => row.state === 'Closed').length).toBeGreaterThan(20);
    expect(expected.payments.length).toBeGreaterThan(50);
    expect(expected.chat.length).toBeGreaterThan(100);
    expect(actual.cases).toEqual(expected.cases);
    expect(actual.payments).toEqual(expected.payments);
    expect(actual.chat).toEqual(expected.chat);

    // Nothing failed, and a second sync adds nothing.
    const { rows: failed } = await target.pool.query("SELECT id, error FROM webhook_events WHERE status = 'failed'");
    expect(failed).toEqual([]);
    const before = (await target.pool.query('SELECT count(*)::int AS n FROM webhook_events')).rows[0].n;
    expect((await runAdmin(['debitura:sync'], cliEnv)).code).toBe(0);
    expect((await target.pool.query('SELECT count(*)::int AS n FROM webhook_events')).rows[0].n).toBe(before);
    expect(await projection(target.pool)).toEqual(actual);
  });
});
