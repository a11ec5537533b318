import { reenableWebhook, type Actor } from './connect';
import { ConnectionError } from './errors';
import { getConnectionRow } from './store';
import { startRun, type SyncRun } from './sync-runs';

/**
 * Starting a repair, shared by the page's buttons and the CLI: a disabled subscription is
 * re-enabled first, and then the repair covers everything since the last repair, or since
 * Debitura stopped delivering, whichever is earlier (or from `since` when given).
 */
export async function startRepair(options: { since?: Date | null; actor?: Actor } = {}): Promise<{
  run: SyncRun;
  isReenabled: boolean;
}> {
  const row = await getConnectionRow();
  if (!row?.subscriptionId) throw new ConnectionError('not_registered', 'No webhook subscription is registered yet.');
  let windowStart = options.since ?? row.repairedUntil ?? row.connectedAt;
  let isReenabled = false;
  if (row.remoteIsActive === false) {
    const { disabledSince } = await reenableWebhook(options.actor ?? null);
    isReenabled = true;
    if (!options.since && disabledSince && (!windowStart || disabledSince < windowStart)) windowStart = disabledSince;
  }
  const run = await startRun('repair', { since: windowStart, includeTest: row.isTestMode });
  return { run, isReenabled };
}
