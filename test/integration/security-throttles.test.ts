/**
 * What unauthenticated callers can cost, on a real PostgreSQL: sign-in throttles per client
 * address and site-wide (shared through the database), their locks listed and lifted by an
 * admin (audited); refused webhook deliveries counted per minute and reason with a few
 * samples; and the retention pass, including the audit log's one sanctioned delete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLockouts, unlock } from '@/lib/auth/lockouts';
import { checkCredentials } from '@/lib/auth/sign-in';
import { ADDRESS_LIMIT, GLOBAL_LIMIT } from '@/lib/auth/sign-in-limits';
import { closePool } from '@/lib/database/pool';
import { db } from '@/lib/db';
import { runRetention } from '@/lib/security/retention';
import { createUser } from '@/lib/users/users';
import { recordRejection, SAMPLES_PER_MINUTE } from '@/lib/webhooks/rejections';
import { createTestDatabase } from '../helpers/database';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const PASSWORD = 'correct horse battery';
let admin: { id: string; email: string };

const attempt = (email: string, password: string, clientAddress: string | null) =>
  checkCredentials({ email, password, clientAddress });

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  admin = await createUser({ email: 'admin@throttle.test', name: 'Admin', role: 'admin', password: PASSWORD });
});

afterAll(async () => {
  await db.$disconnect();
  await closePool();
  await database?.drop();
});

describe('sign-in throttles beyond one email', () => {
  it('locks a client address that sprays passwords over many emails, and only that address', async () => {
    for (let i = 0; i < ADDRESS_LIMIT.maxFailures; i++) {
      expect(await attempt(`sprayed${i}@throttle.test`, 'guess', '203.0.113.7')).toEqual({
        ok: false,
        error: i === ADDRESS_LIMIT.maxFailures - 1 ? `Locked:${ADDRESS_LIMIT.lockMinutes}` : 'CredentialsSignin',
      });
    }
    // No single email reached its own limit, yet the address is locked, even for a right password.
    expect(await attempt(admin.email, PASSWORD, '203.0.113.7')).toEqual({
      ok: false,
      error: `Locked:${ADDRESS_LIMIT.lockMinutes}`,
    });
    expect((await attempt(admin.email, PASSWORD, '198.51.100.1')).ok).toBe(true);
    const { rows } = await database.pool.query("SELECT target_id FROM audit_log WHERE action = 'auth.throttled'");
    expect(rows).toEqual([{ target_id: 'ip:203.0.113.7' }]);
  });

  it('pauses all sign-ins when failures site-wide pass the global limit', async () => {
    // As if many addresses had failed just now (the count is shared through the database).
    await database.pool.query(
      `INSERT INTO sign_in_limits (key, failures, window_starts_at) VALUES ('global', $1, now())
       ON CONFLICT (key) DO UPDATE SET failures = $1, window_starts_at = now(), locked_until = NULL`,
      [GLOBAL_LIMIT.maxFailures - 1],
    );
    expect(await attempt('someone@throttle.test', 'guess', '192.0.2.50')).toEqual({
      ok: false,
      error: `Locked:${GLOBAL_LIMIT.lockMinutes}`,
    });
    expect(await attempt(admin.email, PASSWORD, '192.0.2.51')).toEqual({
      ok: false,
      error: `Locked:${GLOBAL_LIMIT.lockMinutes}`,
    });
  });

  it('lists the locks in force, and an admin lifts them (audited)', async () => {
    // An email locked by someone failing on purpose (sign-in itself is paused site-wide right now).
    await database.pool.query(
      `INSERT INTO sign_in_throttles (email, failures, window_starts_at, locked_until)
       VALUES ('victim@throttle.test', 5, now(), now() + interval '15 minutes')`,
    );
    const kinds = (await listLockouts()).map((lockout) => `${lockout.kind} ${lockout.key}`).sort();
    expect(kinds).toEqual(['address ip:203.0.113.7', 'email victim@throttle.test', 'global global']);

    expect(await unlock('global', 'global', admin)).toBe(true);
    expect(await unlock('address', 'ip:203.0.113.7', admin)).toBe(true);
    expect(await unlock('email', 'victim@throttle.test', admin)).toBe(true);
    expect(await unlock('email', 'victim@throttle.test', admin)).toBe(false);
    expect(await listLockouts()).toEqual([]);
    expect((await attempt(admin.email, PASSWORD, '203.0.113.7')).ok).toBe(true);
    const { rows } = await database.pool.query(
      "SELECT actor_email, target_type, target_id FROM audit_log WHERE action = 'auth.unlocked' ORDER BY id",
    );
    expect(rows).toEqual([
      { actor_email: admin.email, target_type: 'global', target_id: 'global' },
      { actor_email: admin.email, target_type: 'address', target_id: 'ip:203.0.113.7' },
      { actor_email: admin.email, target_type: 'email', target_id: 'victim@throttle.test' },
    ]);
  });
});

describe('refused webhook deliveries', () => {
  it('are counted per minute and reason, keeping only a few samples', async () => {
    const refusal = { reason: 'missing_signature', status: 401, eventType: null, clientAddress: '192.0.2.9' };
    // Two at a time: the refusals' own pool has two connections and gives up waiting quickly.
    for (let i = 0; i < 15; i++) await Promise.all([recordRejection(refusal), recordRejection(refusal)]);
    await recordRejection({ ...refusal, reason: 'stale_timestamp' });
    const { rows: counts } = await database.pool.query(
      'SELECT reason, count FROM rejected_delivery_counts ORDER BY reason',
    );
    expect(counts).toEqual([
      { reason: 'missing_signature', count: 30 },
      { reason: 'stale_timestamp', count: 1 },
    ]);
    const { rows: samples } = await database.pool.query(
      'SELECT reason, count(*)::int AS n FROM rejected_deliveries GROUP BY reason ORDER BY reason',
    );
    expect(samples).toEqual([
      { reason: 'missing_signature', n: SAMPLES_PER_MINUTE },
      { reason: 'stale_timestamp', n: 1 },
    ]);
  });
});

describe('retention', () => {
  it('deletes old counters, samples, stale throttles and audit entries past the retention, nothing younger', async () => {
    await database.pool.query(`
      INSERT INTO audit_log (at, action) VALUES (now() - interval '401 days', 'test.old'), (now() - interval '399 days', 'test.kept');
      INSERT INTO rejected_delivery_counts (minute, reason, status, count) VALUES (now() - interval '31 days', 'old', 401, 3);
      INSERT INTO rejected_deliveries (received_at, reason, status) VALUES (now() - interval '31 days', 'old', 401);
      INSERT INTO sign_in_limits (key, failures, window_starts_at) VALUES ('ip:192.0.2.200', 3, now() - interval '2 days');`);

    // The audit log refuses a DELETE that does not go through the sanctioned path.
    await expect(database.pool.query("DELETE FROM audit_log WHERE action = 'test.old'")).rejects.toThrow(/append-only/);

    const result = await runRetention();
    expect(result).toMatchObject({ audit: 1, rejected: 2 });
    const actions = await database.pool.query("SELECT action FROM audit_log WHERE action LIKE 'test.%'");
    expect(actions.rows).toEqual([{ action: 'test.kept' }]);
    const left = await database.pool.query(`SELECT
      (SELECT count(*)::int FROM rejected_delivery_counts WHERE reason = 'old') AS counts,
      (SELECT count(*)::int FROM rejected_deliveries WHERE reason = 'old') AS samples,
      (SELECT count(*)::int FROM sign_in_limits WHERE key = 'ip:192.0.2.200') AS throttles`);
    expect(left.rows[0]).toEqual({ counts: 0, samples: 0, throttles: 0 });

    // Even with the setting, a row younger than the declared retention stays.
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("SET LOCAL casedesk.audit_retention_days = '30'");
      await expect(client.query("DELETE FROM audit_log WHERE action = 'test.kept'")).resolves.toBeTruthy();
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      await client.query("SET LOCAL casedesk.audit_retention_days = '400'");
      await expect(client.query("DELETE FROM audit_log WHERE action = 'test.kept'")).rejects.toThrow(/append-only/);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });
});
