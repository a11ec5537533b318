import { loadStoredApiKeyOnce } from '@/lib/debitura/api-config';
import type { Job } from '@/lib/jobs/runner';
import { sendDueActions } from './sender';

/** Sends what is due in the outbox and confirms what webhooks confirmed (registered in lib/jobs/index.ts). */
export const OUTBOX_JOB = 'outbox-sender';

export const outboxJob: Job = {
  name: OUTBOX_JOB,
  intervalMs: 1_000,
  kickDelayMs: 0,
  run: async () => {
    await loadStoredApiKeyOnce();
    return sendDueActions();
  },
};
