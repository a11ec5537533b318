import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropQuietRetiringSecrets } from '@/lib/debitura/secret-retirement';
import { startFakeApi, type FakeApi } from '@/lib/simulator/fake-api';
import { generateSimulation } from '@/lib/simulator/generate';
import { parseWebhookSecrets } from '@/lib/webhooks/secrets';
import { runAdmin } from '@/test/helpers/admin-cli';
import { startApp, TEST_AUTH_SECRET, type AppServer } from '@/test/helpers/app-server';
import { createTestDatabase } from '@/test/helpers/database';
import { envelope, sendWebhook, TEST_WEBHOOK_SECRET, waitFor } from '@/test/helpers/webhooks';

/**
 * Connecting through `debitura:connect` against the fake Collection Partner API and a real
 * `next start`: the key is checked and stored encrypted, the subscription registered, and the
 * webhook route verifies with the stored secret as well as DEBITURA_WEBHOOK_SECRETS; a
 * rotation loses no delivery; a refused key, a 429 and a silent Debitura each say so.
 */

const API_KEY = 'connect-test-api-key-0123456789';
const simulation = generateSimulation({ cases: 6, seed: 77, test: 0.5 });

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let api: FakeApi;
let app: AppServer;
let cliEnv: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  api = await startFakeApi({ simulation, apiKey: API_KEY, connection: { agencyName: 'Nordic Recovery ApS' } });
  const env = {
    DEBITURA_API_URL: api.url,
    DEBITURA_API_KEY: '',
    DEBITURA_WEBHOOK_SECRETS: TEST_WEBHOOK_SECRET,
  };
  app = await startApp({ databaseUrl: database.url, env });
  cliEnv = { ...env, DATABASE_URL: database.url, AUTH_SECRET: TEST_AUTH_SECRET };
});

afterAll(async () => {
  await app?.stop();
  await api?.close();
  const { closePool } = await import('@/lib/database/pool');
  await closePool();
  await database?.drop();
});

const webhookUrl = () => `${app.url}/api/webhooks/debitura`;
const caseEvent = (index: number) => ({
  ...envelope('case.updated', {
    caseId: simulation.cases[index].caseId,
    reference: simulation.cases[index].reference,
    oldLifecycle: 'Active',
    newLifecycle: 'Paused',
  }),
  specVersion: '1.0' as const,
});

async function storedEvent(id: string) {
  return waitFor(
    async () => {
      const { rows } = await database.pool.query('SELECT secret_id, status FROM webhook_events WHERE id = $1', [id]);
      return rows[0] as { secret_id: string; status: string } | undefined;
    },
    15_000,
    `event ${id} in the inbox`,
  );
}

describe('connecting to Debitura', { timeout: 180_000 }, () => {
  it('refuses a wrong API key with a clear failure and stores nothing', async () => {
    const run = await runAdmin(['debitura:connect', '--url', webhookUrl(), '--api-key-stdin'], cliEnv, 'wrong-key\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('key_refused');
    const { rows } = await database.pool.query('SELECT api_key_encrypted FROM debitura_connection');
    expect(rows[0]?.api_key_encrypted ?? null).toBeNull();
    expect(api.connection.subscriptions()).toHaveLength(0);
  });

  it('answers bad arguments with exit 2', async () => {
    expect((await runAdmin(['debitura:repair', '--since', 'yesterday'], cliEnv)).code).toBe(2);
    expect((await runAdmin(['debitura:connect', '--colour'], cliEnv)).code).toBe(2);
  });

  it('stores the key encrypted, registers all six events, and the route verifies with the stored secret', async () => {
    const run = await runAdmin(
      ['debitura:connect', '--url', webhookUrl(), '--test-mode', '--api-key-stdin'],
      cliEnv,
      `${API_KEY}\n`,
    );
    expect(run.stderr).toContain('Nordic Recovery ApS');
    expect(run.code).toBe(0);

    const [subscription] = api.connection.subscriptions();
    expect(subscription).toMatchObject({ url: webhookUrl(), isActive: true, isTestMode: true });
    expect([...subscription.events].sort()).toEqual(
      ['case.assigned', 'case.closed', 'case.updated', 'chat.created', 'payment.created', 'payment.deleted'].sort(),
    );
    const { rows: connection } = await database.pool.query('SELECT * FROM debitura_connection');
    expect(connection[0].api_key_encrypted).toBeTruthy();
    expect(connection[0].api_key_encrypted).not.toContain(API_KEY);
    expect(connection[0].agency_name).toBe('Nordic Recovery ApS');
    const { rows: secrets } = await database.pool.query('SELECT * FROM debitura_webhook_secrets');
    expect(secrets).toHaveLength(1);
    expect(secrets[0].secret_encrypted).not.toContain(subscription.secret);
    const fingerprint = parseWebhookSecrets(subscription.secret)[0].fingerprint;
    expect(secrets[0]).toMatchObject({ status: 'active', fingerprint });

    // Debitura's delivery, signed with the secret only the database holds.
    const delivered = caseEvent(0);
    api.connection.produce([delivered]);
    expect((await storedEvent(delivered.id)).secret_id).toBe(fingerprint);
    await api.connection.settled();
    expect(api.connection.eventLog().find((entry) => entry.id === delivered.id)?.deliveredAt).toBeTruthy();

    // DEBITURA_WEBHOOK_SECRETS keeps working beside it.
    expect((await sendWebhook(app.url, caseEvent(1))).status).toBe(200);
    // A secret nobody knows is still refused.
    const forged = await sendWebhook(app.url, caseEvent(2), { secret: Buffer.from('nobody').toString('base64') });
    expect(forged.status).toBe(401);
  });

  it('rotates without losing a delivery: the old secret retires, the new one verifies at once', async () => {
    const before = api.connection.subscriptions()[0];
    const run = await runAdmin(['debitura:rotate'], cliEnv);
    expect(run.code).toBe(0);
    const after = api.connection.subscriptions()[0];
    expect(after.secret).not.toBe(before.secret);

    // A retry Debitura signed before the rotation, and a delivery signed after it.
    const late = caseEvent(3);
    expect((await sendWebhook(app.url, late, { secret: before.secret })).status).toBe(200);
    const fresh = caseEvent(4);
    api.connection.produce([fresh]);
    expect((await storedEvent(fresh.id)).secret_id).toBe(parseWebhookSecrets(after.secret)[0].fingerprint);

    const statuses = async () =>
      (await database.pool.query('SELECT fingerprint, status FROM debitura_webhook_secrets ORDER BY status')).rows;
    expect(await statuses()).toEqual([
      { fingerprint: parseWebhookSecrets(after.secret)[0].fingerprint, status: 'active' },
      { fingerprint: parseWebhookSecrets(before.secret)[0].fingerprint, status: 'retiring' },
    ]);
    // Kept while it is less than a day retiring; dropped a day after its last delivery.
    expect(await dropQuietRetiringSecrets(new Date(Date.now() + 23 * 3_600_000))).toBe(0);
    expect(await dropQuietRetiringSecrets(new Date(Date.now() + 25 * 3_600_000))).toBe(1);
    expect((await statuses()).map((row) => row.status)).toEqual(['active']);
  });

  it('reports a 429 and a Debitura that does not answer as the status, without losing the connection', async () => {
    api.connection.failNextCalls(429, 5);
    const limited = await runAdmin(['debitura:status'], cliEnv);
    expect(limited.code).toBe(0);
    expect(limited.stdout).toContain('last check failed: rate_limited');
    api.connection.failNextCalls(429, 0);

    const silent = await runAdmin(['debitura:status'], {
      ...cliEnv,
      DEBITURA_API_URL: 'http://127.0.0.1:9',
      DEBITURA_API_TIMEOUT_MS: '2000',
    });
    expect(silent.code).toBe(0);
    expect(silent.stdout).toContain('last check failed: unreachable');

    const healthy = await runAdmin(['debitura:status'], cliEnv);
    expect(healthy.stdout).not.toContain('last check failed');
    expect(healthy.stdout).toContain('active [test mode]');
  });
});
