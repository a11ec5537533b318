import { after } from 'next/server';
import { kickJob } from '@/lib/jobs/runner';
import { CHAT_SENDER_JOB } from './job';
import { sendReplyNow } from './sender';

/**
 * After the response has gone out: post the reply to Debitura now. If that throws (the
 * database blinked), the background job picks the reply up on its next pass anyway.
 */
export function deliverSoon(messageId: string): void {
  after(async () => {
    try {
      await sendReplyNow(messageId);
    } catch (error) {
      console.error('[chat] immediate send failed; the background job will retry', error);
      kickJob(CHAT_SENDER_JOB);
    }
  });
}
