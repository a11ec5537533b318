import { getMe, listSubscriptions } from '@/lib/debitura-api/connection';
import { db } from '@/lib/db';
import { EVENT_TYPES } from '@/lib/webhooks/normalize';
import { resolveApi } from './api-config';
import { remoteState } from './connect';
import { encryptionKeySource, type KeySource as EncryptionKeySource } from './encryption';
import { toConnectionError, type ConnectionProblem } from './errors';
import { getConnectionRow, listStoredSecrets, updateConnectionRow, type StoredSecret } from './store';

/**
 * The connection's health: our subscription as Debitura has it (`GET /webhooks`: active or
 * disabled and why, its URL and events, drift from what we registered), and what we saw
 * ourselves (last delivery, rejections in the last hour). Checked by a job every 5 minutes
 * and when the admin page loads; a failed check is recorded, never thrown.
 */

export type ConnectionStatus = {
  encryptionKeySource: EncryptionKeySource | null;
  apiKeySource: 'env' | 'stored' | null;
  agencyName: string | null;
  checkError: ConnectionProblem | null;
  checkedAt: Date | null;
  subscription: {
    id: string;
    url: string | null;
    remoteUrl: string | null;
    isActive: boolean | null;
    isTestMode: boolean;
    disabledReason: string | null;
    disabledSince: Date | null;
    remoteEvents: string[];
    /** Events we subscribe to that Debitura does not have (drift). */
    missingEvents: string[];
    isUrlDrifted: boolean;
  } | null;
  lastDeliveryAt: Date | null;
  rejectionsLastHour: number;
  secrets: (StoredSecret & { lastUsedAt: Date | null })[];
};

const RECHECK_AFTER_MS = 30_000;

/** Reads `GET /webhooks` (and `GET /me` when the agency's name is not known yet) and records what it says. */
export async function checkHealth(): Promise<void> {
  const row = await getConnectionRow();
  let checkError: ConnectionProblem | null = null;
  try {
    const { config } = await resolveApi();
    if (!config) return;
    const agencyName = row?.agencyName ?? (await getMe(config)).companyName;
    if (!row?.subscriptionId) {
      await updateConnectionRow({ agencyName, checkedAt: new Date(), checkError: null });
      return;
    }
    const subscription = (await listSubscriptions(config)).find((each) => each.id === row.subscriptionId);
    if (!subscription) {
      checkError = 'subscription_missing';
    } else {
      const state = remoteState(subscription, row.remoteIsActive === false ? row.disabledSince : null);
      // Debitura stopped delivering when it disabled us: the gap starts at our last delivery, if that is earlier.
      if (!subscription.isActive && row.remoteIsActive !== false) {
        const last = await lastDeliveryAt();
        if (last && state.disabledSince && last < state.disabledSince) state.disabledSince = last;
      }
      await updateConnectionRow({ agencyName, ...state, checkedAt: new Date(), checkError: null });
      return;
    }
  } catch (error) {
    const problem = toConnectionError(error);
    if (!problem) throw error;
    checkError = problem.problem;
  }
  await updateConnectionRow({ checkedAt: new Date(), checkError });
}

/** On page load: a fresh check unless one ran in the last 30 seconds. */
export async function checkHealthIfStale(): Promise<void> {
  const row = await getConnectionRow();
  if (row?.checkedAt && Date.now() - row.checkedAt.getTime() < RECHECK_AFTER_MS) return;
  await checkHealth();
}

export async function getConnectionStatus(): Promise<ConnectionStatus> {
  const [row, secrets, last, rejections, usage] = await Promise.all([
    getConnectionRow(),
    listStoredSecrets(),
    lastDeliveryAt(),
    db.rejectedDelivery.count({ where: { receivedAt: { gte: new Date(Date.now() - 3_600_000) } } }),
    // A week back is enough to tell a secret in use from a quiet one, and stays on the received_at index.
    db.webhookEvent.groupBy({
      by: ['secretId'],
      _max: { receivedAt: true },
      where: { secretId: { not: null }, receivedAt: { gte: new Date(Date.now() - 7 * 86_400_000) } },
    }),
  ]);
  const lastUse = new Map(usage.map((entry) => [entry.secretId, entry._max.receivedAt]));
  const envKey = process.env.DEBITURA_API_KEY?.trim();
  const remoteEvents = Array.isArray(row?.remoteEvents) ? (row.remoteEvents as string[]) : [];
  return {
    encryptionKeySource: encryptionKeySource(),
    apiKeySource: envKey ? 'env' : row?.apiKeyEncrypted ? 'stored' : null,
    agencyName: row?.agencyName ?? null,
    checkError: (row?.checkError as ConnectionProblem | null) ?? null,
    checkedAt: row?.checkedAt ?? null,
    subscription: row?.subscriptionId
      ? {
          id: row.subscriptionId,
          url: row.webhookUrl,
          remoteUrl: row.remoteUrl,
          isActive: row.remoteIsActive,
          isTestMode: row.isTestMode,
          disabledReason: row.disabledReason,
          disabledSince: row.disabledSince,
          remoteEvents,
          missingEvents: row.remoteIsActive === null ? [] : EVENT_TYPES.filter((e) => !remoteEvents.includes(e)),
          isUrlDrifted: Boolean(row.remoteUrl && row.webhookUrl && row.remoteUrl !== row.webhookUrl),
        }
      : null,
    lastDeliveryAt: last,
    rejectionsLastHour: rejections,
    secrets: secrets.map((secret) => ({ ...secret, lastUsedAt: lastUse.get(secret.fingerprint) ?? null })),
  };
}

/** Whether admins should see the "subscription disabled" banner (cheap: one row). */
export async function isSubscriptionDisabled(): Promise<{ reason: string | null } | null> {
  const row = await db.debituraConnection.findUnique({
    where: { id: 1 },
    select: { subscriptionId: true, remoteIsActive: true, disabledReason: true },
  });
  return row?.subscriptionId && row.remoteIsActive === false ? { reason: row.disabledReason } : null;
}

/** The last delivery Debitura made to us (imports and repairs are not deliveries: they carry no secret). */
async function lastDeliveryAt(): Promise<Date | null> {
  const latest = await db.webhookEvent.findFirst({
    where: { secretId: { not: null } },
    orderBy: { receivedAt: 'desc' },
    select: { receivedAt: true },
  });
  return latest?.receivedAt ?? null;
}
