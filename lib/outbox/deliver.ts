import { after } from 'next/server';
import { kickJob } from '@/lib/jobs/runner';
import { OUTBOX_JOB } from './job';
import { sendActionNow } from './sender';

/**
 * After the response has gone out: send the stored action now. If that throws (the database
 * blinked), or this process runs no jobs, the background sender picks it up on its next pass.
 */
export function deliverSoon(actionId: string): void {
  after(async () => {
    try {
      await sendActionNow(actionId);
    } catch (error) {
      console.error('[outbox] immediate send failed; the background sender will retry', error);
      kickJob(OUTBOX_JOB);
    }
  });
}

/** Many actions at once (a retry of all failed ones, several bank lines): paced by the background sender. */
export function deliverBatch(): void {
  kickJob(OUTBOX_JOB);
}
