/**
 * The admin overview lists what needs a person: an event the applier set aside (with its
 * error and a reprocess button) or still retries, and a case whose detail Debitura would not
 * give (with its answer and a retry button). Over real HTTP against `next start` (build first).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePool } from '@/lib/database/pool';
import { db } from '@/lib/db';
import { createUser } from '@/lib/users/users';
import { applyPendingEvents } from '@/lib/webhooks/applier';
import { startApp, type AppServer } from '@/test/helpers/app-server';
import { signInOverHttp } from '@/test/helpers/auth-http';
import { createTestDatabase } from '@/test/helpers/database';
import { envelope, sendWebhookRetrying, TEST_WEBHOOK_SECRET } from '@/test/helpers/webhooks';

const PASSWORD = 'admin-attention-password';
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let app: AppServer;
let cookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await createUser({ email: 'admin@attention.test', name: 'Admin', role: 'admin', password: PASSWORD });
  // Jobs off: the test applies by hand, so nothing changes the rows under it.
  app = await startApp({
    databaseUrl: database.url,
    env: { DEBITURA_WEBHOOK_SECRETS: TEST_WEBHOOK_SECRET, CASEDESK_ROLE: 'web' },
  });
  cookie = (await signInOverHttp(app.url, 'admin@attention.test', PASSWORD)).cookie!;
  expect(cookie).toBeTruthy();
});

afterAll(async () => {
  await app?.stop();
  await db.$disconnect();
  await closePool();
  await database?.drop();
});

describe('the admin overview', () => {
  it('lists failed and retrying events and stuck case detail, each with its error and a button', async () => {
    await database.pool.query(`CREATE FUNCTION attention_bug() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.reference = 'ATT-RETRY' THEN RAISE EXCEPTION 'simulated outage for ATT-RETRY'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER attention_bug BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION attention_bug()`);
    const retrying = envelope('case.assigned', { reference: 'ATT-RETRY', lifecycle: 'Active' });
    const bad = envelope('payment.created', { reference: 'ATT-BAD', amount: 1, currency: 'NOPE' });
    for (const event of [retrying, bad]) expect((await sendWebhookRetrying(app.url, event)).status).toBe(200);
    await applyPendingEvents(database.pool);
    const marker = `HTTP 404 ${randomBytes(4).toString('hex')}`;
    await database.pool.query(
      `INSERT INTO cases (id, reference, updated_at, detail_status, detail_attempts, detail_error, detail_next_attempt_at)
       VALUES (gen_random_uuid(), 'ATT-DETAIL', now(), 'pending', 2, $1, now() + interval '10 minutes')`,
      [`GET /cases/ATT-DETAIL: ${marker} Case not found`],
    );

    const response = await fetch(`${app.url}/admin`, { headers: { cookie, 'accept-language': 'en' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Needs attention');
    // The retrying event: its error, its state, a reprocess button naming it.
    expect(html).toContain('simulated outage for ATT-RETRY');
    expect(html).toMatch(/Retried automatically: 1 attempt so far/);
    expect(html).toContain(`aria-label="Reprocess event ${retrying.id}"`);
    // The bad one failed at once.
    expect(html).toContain(`aria-label="Reprocess event ${bad.id}"`);
    expect(html).toMatch(/Failed after 1 attempt/);
    // The case whose detail Debitura would not give, with a retry button.
    expect(html).toContain(marker);
    expect(html).toContain('aria-label="Fetch the detail of case ATT-DETAIL again now"');

    // In German too (the reader's language from Accept-Language).
    const german = await (await fetch(`${app.url}/admin`, { headers: { cookie, 'accept-language': 'de' } })).text();
    expect(german).toContain('Erfordert Aufmerksamkeit');
  });
});
