import type { Job } from '@/lib/jobs/runner';
import { sendDueReplies } from './sender';

/** Retries replies Debitura has not accepted yet (registered in lib/jobs/index.ts). */
export const CHAT_SENDER_JOB = 'chat-sender';

export const chatSenderJob: Job = {
  name: CHAT_SENDER_JOB,
  intervalMs: 1_000,
  kickDelayMs: 0,
  run: sendDueReplies,
};
