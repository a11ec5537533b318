import type { Job } from '@/lib/jobs/runner';
import { getPool, withTransaction } from '@/lib/database/pool';

/**
 * Deletes what is only kept for a while: rejected-delivery counters and samples (30 days, as
 * long as the admin charts look back), sign-in throttle rows that no longer lock or count
 * (a day), and audit entries older than CASEDESK_AUDIT_RETENTION_DAYS (default 400, at least 30).
 * Audit rows go through the trigger's one sanctioned path: the transaction declares the
 * retention (see migration 20261130101002_security_throttles), and the trigger checks each row
 * against it, so even a bug here cannot delete a younger entry. In batches, so a first run on
 * a large table never holds long locks.
 */
export const RETENTION_JOB = 'retention';
export const DEFAULT_AUDIT_RETENTION_DAYS = 400;
export const MIN_AUDIT_RETENTION_DAYS = 30;
const REJECTION_RETENTION_DAYS = 30;
const BATCH = 5_000;

export function auditRetentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CASEDESK_AUDIT_RETENTION_DAYS?.trim();
  if (!raw) return DEFAULT_AUDIT_RETENTION_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < MIN_AUDIT_RETENTION_DAYS) {
    throw new Error(
      `CASEDESK_AUDIT_RETENTION_DAYS must be a whole number of days, at least ${MIN_AUDIT_RETENTION_DAYS}.`,
    );
  }
  return days;
}

export type RetentionResult = { rejected: number; throttles: number; audit: number };

/** One pass; true when a batch was full (more to delete at once). */
export async function runRetention(now = new Date(), pool = getPool()): Promise<RetentionResult> {
  const rejectedBefore = new Date(now.getTime() - REJECTION_RETENTION_DAYS * 86_400_000);
  const counts = await pool.query('DELETE FROM rejected_delivery_counts WHERE minute < $1', [rejectedBefore]);
  const samples = await pool.query(
    `DELETE FROM rejected_deliveries WHERE id IN (
       SELECT id FROM rejected_deliveries WHERE received_at < $1 ORDER BY received_at LIMIT ${BATCH})`,
    [rejectedBefore],
  );
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const stale = `window_starts_at < $1 AND (locked_until IS NULL OR locked_until < $1)`;
  const emails = await pool.query(`DELETE FROM sign_in_throttles WHERE ${stale}`, [dayAgo]);
  const limits = await pool.query(`DELETE FROM sign_in_limits WHERE ${stale}`, [dayAgo]);

  const days = auditRetentionDays();
  const audit = await withTransaction(async (client) => {
    await client.query(`SELECT set_config('casedesk.audit_retention_days', $1, true)`, [String(days)]);
    return client.query(
      `DELETE FROM audit_log WHERE id IN (
         SELECT id FROM audit_log WHERE at < $1::timestamptz - make_interval(days => $2) ORDER BY at LIMIT ${BATCH})`,
      [now, days],
    );
  }, pool);
  return {
    rejected: (counts.rowCount ?? 0) + (samples.rowCount ?? 0),
    throttles: (emails.rowCount ?? 0) + (limits.rowCount ?? 0),
    audit: audit.rowCount ?? 0,
  };
}

export const retentionJob: Job = {
  name: RETENTION_JOB,
  intervalMs: 60 * 60_000,
  kickDelayMs: 0,
  run: async () => {
    const result = await runRetention();
    return result.audit >= BATCH || result.rejected >= BATCH;
  },
};
