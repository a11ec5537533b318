import type pg from 'pg';
import { getPool } from '@/lib/database/pool';
import { agencyCalendar } from '@/lib/deadlines/calendar';
import type { Job } from '@/lib/jobs/runner';
import { getQueue } from '@/lib/work/queue';
import { claimDigest, failClaim, finishClaim, pruneDigestHistory, usersAwaitingDigest } from './claims';
import { composeDigest } from './compose';
import { describeSendError, mailSettings, openMailer } from './mailer';
import { digestDateDue, digestHour } from './schedule';

/**
 * The daily digest (registered in lib/jobs/index.ts): with SMTP_URL set, each collector whose
 * queue has anything in it gets one email per business day, from DIGEST_HOUR on the agency's
 * clock, with what is overdue and due today and a link to the queue. Every worker runs this
 * job; the claim in digest_sends (lib/digest/claims.ts) makes each email go out once.
 */

export const DIGEST_JOB = 'daily-digest';
/** Recipients per pass; a full batch asks the runner for another pass at once. */
const BATCH = 25;
/** The soonest items listed in the email (the counts cover the whole queue). */
export const DIGEST_ITEMS = 10;

export type DigestPass = { date: string | null; sent: number; empty: number; failed: number; hasMore: boolean };

export async function runDigest(options: { now?: Date; pool?: pg.Pool } = {}): Promise<DigestPass> {
  const now = options.now ?? new Date();
  const idle: DigestPass = { date: null, sent: 0, empty: 0, failed: 0, hasMore: false };
  const settings = mailSettings();
  if (!settings) return idle;
  const calendar = agencyCalendar();
  const date = digestDateDue(now, calendar, digestHour());
  if (!date) return idle;

  const pool = options.pool ?? getPool();
  await pruneDigestHistory(pool, date);
  const recipients = await usersAwaitingDigest(pool, date, now, BATCH);
  const pass: DigestPass = { ...idle, date, hasMore: recipients.length === BATCH };
  if (!recipients.length) return pass;

  const mailer = openMailer(settings);
  try {
    for (const recipient of recipients) {
      const claim = await claimDigest(pool, recipient.id, date, now);
      if (!claim) continue; // another worker has it
      try {
        const queue = await getQueue(recipient, { now, limit: DIGEST_ITEMS });
        if (queue.total === 0) {
          await finishClaim(pool, claim, 'empty', now);
          pass.empty += 1;
          continue;
        }
        const mail = composeDigest({ recipient, queue, publicUrl: settings.publicUrl, timeZone: calendar.timeZone });
        await mailer.send(mail);
        await finishClaim(pool, claim, 'sent', now);
        pass.sent += 1;
      } catch (error) {
        const reason = describeSendError(error, process.env.SMTP_URL);
        const retryAt = await failClaim(pool, claim, reason, now);
        pass.failed += 1;
        console.error(
          `[digest] ${date} for user ${recipient.id} failed (attempt ${claim.attempt}, ` +
            `${retryAt ? `retry after ${retryAt.toISOString()}` : 'given up'}): ${reason}`,
        );
        // The server refused this one message: go on with the others. Anything else (no
        // connection, bad login, the database) would fail them all alike: leave them to a later pass.
        if (!isRefusalOfOneMessage(error)) {
          pass.hasMore = false;
          break;
        }
      }
    }
  } finally {
    mailer.close();
  }
  if (pass.sent || pass.failed) console.info(`[digest] ${date}: ${pass.sent} sent, ${pass.failed} failed`);
  return pass;
}

/**
 * The server refused this recipient or this message (nodemailer's EENVELOPE at RCPT TO, or
 * EMESSAGE), as opposed to the connection, the login or the sender, which every message shares.
 */
function isRefusalOfOneMessage(error: unknown): boolean {
  const { code, command } = (error ?? {}) as { code?: unknown; command?: unknown };
  return (code === 'EENVELOPE' && command === 'RCPT TO') || code === 'EMESSAGE';
}

export const digestJob: Job = {
  name: DIGEST_JOB,
  intervalMs: 5 * 60_000,
  run: async () => (await runDigest()).hasMore,
};
