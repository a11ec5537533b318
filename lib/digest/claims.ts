import type pg from 'pg';
import { can, ROLES, type Role } from '@/lib/auth/permissions';

/**
 * Exactly one digest per user and local date, whatever the number of workers: a worker claims
 * the (user, date) row in `digest_sends` with one INSERT ... ON CONFLICT before it reads the
 * queue or sends anything; a second worker's claim finds the row and gets nothing back. A
 * failed send marks the row `failed` with a time to try again, and a worker that dies mid-send
 * leaves a `sending` row whose lease runs out, so either way a later pass retries. (A crash
 * after the SMTP server took the message but before `sent` was stored may send it twice, once
 * the lease is over: the only window left, and a short one.)
 */

/** Longer than a send can take (lib/digest/mailer.ts caps each SMTP step), so no one takes over a live send. */
export const LEASE_MS = 15 * 60_000;
/** After a failed send: 5, 10, 20, 40, 80 minutes, then the day's digest is given up. */
export const MAX_ATTEMPTS = 6;
const FIRST_RETRY_MS = 5 * 60_000;
/** Rows are only history after their day; kept a while to answer "did Carl get Monday's digest?". */
const KEEP_DAYS = 60;

/**
 * Who gets a digest: those who work their own cases (collectors). A manager's queue is the
 * whole team's, which is what the queue page and reports are for, not a morning email.
 */
export const DIGEST_ROLES: readonly Role[] = ROLES.filter(
  (role) => can({ role }, 'cases:act') && !can({ role }, 'cases:read-all'),
);

export type DigestRecipient = { id: string; email: string; name: string; role: Role; locale: string | null };

/** Active users of DIGEST_ROLES whose digest for `date` is neither done nor being tried: `limit` of them. */
export async function usersAwaitingDigest(
  pool: pg.Pool,
  date: string,
  now: Date,
  limit: number,
): Promise<DigestRecipient[]> {
  const { rows } = await pool.query<DigestRecipient>(
    `SELECT u.id, u.email, u.name, u.role, u.locale FROM users u
     WHERE u.disabled_at IS NULL AND u.role = ANY($1::text[])
       AND NOT EXISTS (
         SELECT 1 FROM digest_sends d
         WHERE d.user_id = u.id AND d.local_date = $2::date AND (d.retry_at IS NULL OR d.retry_at > $3))
     ORDER BY u.id LIMIT $4`,
    [DIGEST_ROLES, date, now, limit],
  );
  return rows;
}

export type Claim = { userId: string; date: string; attempt: number };

/**
 * Takes the user's digest for `date`: a new row, or one whose lease or retry time has passed.
 * Null when another worker holds it or it is done (sent, nothing due, given up).
 */
export async function claimDigest(pool: pg.Pool, userId: string, date: string, now: Date): Promise<Claim | null> {
  const { rows } = await pool.query<{ attempts: number }>(
    `INSERT INTO digest_sends AS d (user_id, local_date, status, attempts, retry_at, updated_at)
     VALUES ($1::uuid, $2::date, 'sending', 1, $3, $4)
     ON CONFLICT (user_id, local_date) DO UPDATE
       SET status = 'sending', attempts = d.attempts + 1, retry_at = EXCLUDED.retry_at, updated_at = EXCLUDED.updated_at
       WHERE d.status IN ('sending', 'failed') AND d.retry_at <= $4
     RETURNING d.attempts`,
    [userId, date, new Date(now.getTime() + LEASE_MS), now],
  );
  return rows[0] ? { userId, date, attempt: rows[0].attempts } : null;
}

/** The claim's outcome: the email went out, or there was nothing to send. Only the claim's holder may set it. */
export async function finishClaim(pool: pg.Pool, claim: Claim, status: 'sent' | 'empty', now: Date): Promise<void> {
  await pool.query(
    `UPDATE digest_sends SET status = $4, retry_at = NULL, last_error = NULL, updated_at = $5
     WHERE user_id = $1::uuid AND local_date = $2::date AND attempts = $3 AND status = 'sending'`,
    [claim.userId, claim.date, claim.attempt, status, now],
  );
}

/** The send failed: a later pass tries again after a growing pause, until MAX_ATTEMPTS. Resolves the retry time. */
export async function failClaim(pool: pg.Pool, claim: Claim, error: string, now: Date): Promise<Date | null> {
  const retryAt =
    claim.attempt < MAX_ATTEMPTS ? new Date(now.getTime() + FIRST_RETRY_MS * 2 ** (claim.attempt - 1)) : null;
  await pool.query(
    `UPDATE digest_sends SET status = 'failed', retry_at = $4, last_error = $5, updated_at = $6
     WHERE user_id = $1::uuid AND local_date = $2::date AND attempts = $3 AND status = 'sending'`,
    [claim.userId, claim.date, claim.attempt, retryAt, error, now],
  );
  return retryAt;
}

/** Forgets digests older than KEEP_DAYS before `date`. */
export async function pruneDigestHistory(pool: pg.Pool, date: string): Promise<void> {
  await pool.query(`DELETE FROM digest_sends WHERE local_date < $1::date - $2::int`, [date, KEEP_DAYS]);
}
