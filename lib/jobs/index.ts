import { chatSenderJob } from '@/lib/chat/job';
import { debituraHealthJob, debituraRepairJob, debituraSyncJob, retiringSecretsJob } from '@/lib/debitura/jobs';
import { caseDetailJob } from './case-detail';
import { startJobs, type Job } from './runner';
import { webhookApplierJob } from './webhook-applier';

/** The background jobs every app instance runs (started from instrumentation.ts). One line per job. */
export const JOBS: readonly Job[] = [
  webhookApplierJob,
  caseDetailJob,
  chatSenderJob,
  debituraHealthJob,
  debituraSyncJob,
  debituraRepairJob,
  retiringSecretsJob,
];

export function startBackgroundJobs(): void {
  startJobs(JOBS);
}
