import { kickJob, type Job } from '@/lib/jobs/runner';
import { resolveApi } from './api-config';
import { checkHealth } from './health';
import { dropQuietRetiringSecrets } from './secret-retirement';
import { getConnectionRow } from './store';
import { claimRun, startRun, stepRun } from './sync-runs';

/**
 * The connection's background jobs (registered in lib/jobs/index.ts): the health check, the
 * scheduled repair, the runner that advances import and repair runs page by page, and the
 * clean-up of retired webhook secrets. Each claims its work in the database, so every
 * instance may run them.
 */

export const DEBITURA_SYNC_JOB = 'debitura-sync';
const HOUR_MS = 3_600_000;

export const debituraHealthJob: Job = {
  name: 'debitura-health',
  intervalMs: 5 * 60_000,
  run: async () => {
    const row = await getConnectionRow();
    if (row?.subscriptionId || row?.apiKeyEncrypted || process.env.DEBITURA_API_KEY) await checkHealth();
    return false;
  },
};

export const debituraSyncJob: Job = {
  name: DEBITURA_SYNC_JOB,
  intervalMs: 5_000,
  run: async () => {
    // An instance without an API key leaves runs to one that has it (or to the CLI).
    if (!(await resolveApi()).config) return false;
    const run = await claimRun();
    if (!run) return false;
    const saved = await stepRun(run);
    return saved.status === 'running';
  },
};

export const debituraRepairJob: Job = {
  name: 'debitura-repair',
  intervalMs: repairIntervalMs(),
  run: async () => {
    const row = await getConnectionRow();
    // Only once connected and while Debitura delivers; a disabled subscription waits for an admin's re-enable.
    if (!row?.subscriptionId || row.remoteIsActive === false) return false;
    if (!(await resolveApi()).config) return false;
    await startRun('repair', {
      since: row.repairedUntil ?? row.connectedAt,
      includeTest: row.isTestMode,
      unlessStartedWithinMs: repairIntervalMs() * 0.9,
    });
    kickJob(DEBITURA_SYNC_JOB);
    return false;
  },
};

export const retiringSecretsJob: Job = {
  name: 'debitura-retiring-secrets',
  intervalMs: HOUR_MS,
  run: async () => {
    await dropQuietRetiringSecrets();
    return false;
  },
};

/** DEBITURA_REPAIR_INTERVAL: `90s`, `30m`, `1h` or plain seconds; default one hour. */
export function repairIntervalMs(raw = process.env.DEBITURA_REPAIR_INTERVAL): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*$/i.exec(raw ?? '');
  if (!match) return HOUR_MS;
  const unit = { s: 1_000, m: 60_000, h: HOUR_MS }[(match[2] ?? 's').toLowerCase() as 's' | 'm' | 'h'];
  return Math.max(10_000, Number(match[1]) * unit);
}
