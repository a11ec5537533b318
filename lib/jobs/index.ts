import { digestJob } from '@/lib/digest/job';
import { retentionJob } from '@/lib/security/retention';
import { debituraHealthJob, debituraRepairJob, debituraSyncJob, retiringSecretsJob } from '@/lib/debitura/jobs';
import { outboxJob } from '@/lib/outbox/job';
import { workItemsJob } from '@/lib/work/work-items';
import { caseDetailJob } from './case-detail';
import { listenForKicks, notifyKick } from './remote-kick';
import { kickJob, setRemoteKick, startJobs, stopJobs, type Job } from './runner';
import { webhookApplierJob } from './webhook-applier';

/**
 * The background jobs, registered here and nowhere else: one line per job. They run in the
 * worker process (scripts/worker.ts), or inside the server where CASEDESK_ROLE is `all`
 * (lib/jobs/role.ts); any number of processes may run them against one database.
 */
export const JOBS: readonly Job[] = [
  webhookApplierJob,
  caseDetailJob,
  outboxJob,
  debituraHealthJob,
  debituraSyncJob,
  debituraRepairJob,
  retiringSecretsJob,
  retentionJob,
  digestJob,
  workItemsJob,
];

/** Runs every job in this process (a server whose role is `all`). */
export function startBackgroundJobs(): void {
  startJobs(JOBS);
}

/** A web process: kicks go to the workers instead of to jobs of its own. */
export function sendKicksToWorkers(): void {
  setRemoteKick(notifyKick);
}

/** A worker process: every job, kicked by the web processes' notifications. Resolves the stop function. */
export function startWorker(): () => Promise<void> {
  startJobs(JOBS);
  const stopListening = listenForKicks(kickJob);
  return async () => {
    stopListening();
    await stopJobs();
  };
}
