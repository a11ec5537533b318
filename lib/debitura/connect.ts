import { recordAudit, type AuditActor } from '@/lib/audit/audit';
import type { DebituraApiConfig } from '@/lib/debitura-api/client';
import {
  createSubscription,
  deleteSubscription,
  getMe,
  listSubscriptions,
  updateSubscription,
  type Subscription,
} from '@/lib/debitura-api/connection';
import { EVENT_TYPES } from '@/lib/webhooks/normalize';
import { forgetStoredWebhookKeys } from '@/lib/webhooks/stored-secrets';
import { apiBaseUrl, configWithKey, resolveApi } from './api-config';
import { ConnectionError, toConnectionError } from './errors';
import { getConnectionRow, storeActiveSecret, storeApiKey, updateConnectionRow } from './store';
import { checkWebhookUrl, defaultWebhookUrl } from './webhook-url';

/**
 * The connection steps the admin page and the CLI share: check (and store) the API key with
 * `GET /me`, register the webhook subscription, rotate its secret, re-enable it. Each either
 * succeeds or throws a ConnectionError saying why; nothing is stored from a failed step,
 * except that a secret Debitura handed us is always stored first (it is shown only once).
 */

export type Actor = AuditActor | null;

/** The API to use, or ConnectionError('no_api_key'). */
export async function requireApi(): Promise<DebituraApiConfig> {
  const resolved = await resolveApi().catch(throwAsConnectionError);
  if (!resolved.config) {
    throw new ConnectionError('no_api_key', 'No API key: set DEBITURA_API_KEY or enter one on the Debitura page.');
  }
  return resolved.config;
}

/**
 * Checks a key with `GET /me` and remembers the agency's name. A key given here (from the
 * page or stdin) is stored, encrypted, only once Debitura accepted it.
 */
export async function checkApiKey(options: { apiKey?: string; actor?: Actor } = {}): Promise<{ agencyName: string }> {
  const apiKey = options.apiKey?.trim();
  const config = apiKey ? configWithKey(apiKey) : await requireApi();
  let agencyName: string;
  try {
    const me = await getMe(config);
    agencyName = me.companyName ?? me.id ?? '';
  } catch (error) {
    const problem = asConnectionError(error);
    await updateConnectionRow({ checkError: problem.problem, checkedAt: new Date() });
    throw problem;
  }
  if (apiKey) await storeApiKey(apiKey).catch(throwAsConnectionError);
  await updateConnectionRow({ agencyName, checkError: null, checkedAt: new Date() });
  if (apiKey) await recordAudit({ actor: options.actor, action: 'debitura.api_key_stored', detail: { agencyName } });
  return { agencyName };
}

export type RegisterInput = { url?: string; isTestMode: boolean; actor?: Actor };

/**
 * Creates our subscription (all six events) and stores its secret. If Debitura already has
 * one for this URL (or the one we registered before), it is updated and its secret
 * regenerated rather than duplicated; one in the other mode is replaced, since the mode
 * cannot be changed after creation.
 */
export async function registerWebhook(input: RegisterInput): Promise<Subscription> {
  const rawUrl = input.url?.trim() || defaultWebhookUrl();
  if (!rawUrl) {
    throw new ConnectionError('no_public_url', 'The public URL is unknown: set AUTH_URL or give the webhook URL.');
  }
  const checked = checkWebhookUrl(rawUrl, apiBaseUrl());
  if (!checked.ok) throw new ConnectionError(checked.problem, `Debitura would refuse ${rawUrl} (${checked.problem}).`);
  const config = await requireApi();
  const row = await getConnectionRow();

  try {
    const existing = (await listSubscriptions(config)).filter(
      (subscription) => subscription.url === checked.url || subscription.id === row?.subscriptionId,
    );
    const reusable = existing.find((subscription) => subscription.isTestMode === input.isTestMode);
    for (const other of existing) {
      if (other !== reusable) await deleteSubscription(config, other.id);
    }
    const subscription = reusable
      ? await updateSubscription(config, reusable.id, {
          url: checked.url,
          events: EVENT_TYPES,
          isActive: true,
          regenerateSecret: true,
        })
      : await createSubscription(config, {
          url: checked.url,
          events: EVENT_TYPES,
          isTestMode: input.isTestMode,
        });
    if (!subscription.secret) {
      throw new ConnectionError('debitura_refused', 'Debitura answered without a signing secret.');
    }
    await storeActiveSecret(subscription.secret);
    forgetStoredWebhookKeys();
    const now = new Date();
    await updateConnectionRow({
      subscriptionId: subscription.id,
      webhookUrl: checked.url,
      isTestMode: subscription.isTestMode,
      connectedAt: now,
      repairedUntil: row?.repairedUntil ?? now,
      ...remoteState(subscription, row?.disabledSince ?? null),
      checkedAt: now,
      checkError: null,
    });
    await recordAudit({
      actor: input.actor,
      action: 'debitura.webhook_registered',
      targetType: 'debitura_subscription',
      targetId: subscription.id,
      detail: { url: checked.url, isTestMode: subscription.isTestMode },
    });
    return subscription;
  } catch (error) {
    throw asConnectionError(error);
  }
}

/** A new secret for our subscription; the old one keeps verifying as `retiring` until it goes quiet. */
export async function rotateSecret(actor: Actor = null): Promise<Subscription> {
  const { config, subscriptionId } = await requireSubscription();
  try {
    const subscription = await updateSubscription(config, subscriptionId, { regenerateSecret: true });
    if (!subscription.secret) throw new ConnectionError('debitura_refused', 'Debitura answered without a new secret.');
    await storeActiveSecret(subscription.secret);
    forgetStoredWebhookKeys();
    await recordAudit({
      actor,
      action: 'debitura.secret_rotated',
      targetType: 'debitura_subscription',
      targetId: subscriptionId,
    });
    return subscription;
  } catch (error) {
    throw asConnectionError(error);
  }
}

/**
 * Turns a disabled subscription back on. Returns when it had been disabled since (the start
 * of the gap a repair must cover), or null when it was active already.
 */
export async function reenableWebhook(actor: Actor = null): Promise<{ disabledSince: Date | null }> {
  const { config, subscriptionId } = await requireSubscription();
  const row = await getConnectionRow();
  try {
    const subscription = await updateSubscription(config, subscriptionId, { isActive: true });
    const disabledSince = row?.remoteIsActive === false ? (row.disabledSince ?? null) : null;
    await updateConnectionRow({ ...remoteState(subscription, null), checkedAt: new Date(), checkError: null });
    await recordAudit({
      actor,
      action: 'debitura.webhook_reenabled',
      targetType: 'debitura_subscription',
      targetId: subscriptionId,
      detail: { disabledSince: disabledSince?.toISOString() ?? null },
    });
    return { disabledSince };
  } catch (error) {
    throw asConnectionError(error);
  }
}

export async function requireSubscription(): Promise<{ config: DebituraApiConfig; subscriptionId: string }> {
  const config = await requireApi();
  const row = await getConnectionRow();
  if (!row?.subscriptionId) throw new ConnectionError('not_registered', 'No webhook subscription is registered yet.');
  return { config, subscriptionId: row.subscriptionId };
}

/** The subscription's fields as we keep them; `disabledSince` is set when it is first seen disabled. */
export function remoteState(subscription: Subscription, disabledSince: Date | null) {
  return {
    remoteIsActive: subscription.isActive,
    remoteUrl: subscription.url,
    remoteEvents: subscription.events,
    disabledReason: subscription.isActive ? null : subscription.disabledReason,
    disabledSince: subscription.isActive ? null : (disabledSince ?? new Date()),
  };
}

/** The failure as a ConnectionError; anything else (a bug) is thrown on unchanged. */
function asConnectionError(error: unknown): ConnectionError {
  const converted = toConnectionError(error);
  if (!converted) throw error;
  return converted;
}

function throwAsConnectionError(error: unknown): never {
  throw asConnectionError(error);
}
