import { after } from 'next/server';
import { db } from '@/lib/db';
import { OUTBOX_JOB } from '@/lib/outbox/job';
import { kickJob } from '@/lib/jobs/runner';
import { sendActionNow } from '@/lib/outbox/sender';

/**
 * After the response has gone out: send the reply's outbox action now. If that throws (the
 * database blinked), the background sender picks it up on its next pass anyway.
 */
export function deliverSoon(messageId: string): void {
  after(async () => {
    try {
      const action = await db.outboundAction.findUnique({ where: { chatMessageId: messageId }, select: { id: true } });
      if (action) await sendActionNow(action.id);
    } catch (error) {
      console.error('[chat] immediate send failed; the background sender will retry', error);
      kickJob(OUTBOX_JOB);
    }
  });
}
