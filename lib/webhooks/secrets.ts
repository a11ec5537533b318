import { createHash } from 'node:crypto';
import { decodeSecret, verifySignature, type SignatureFailure } from './signature';
import { getStoredWebhookKeys } from './stored-secrets';

/**
 * The webhook secrets from DEBITURA_WEBHOOK_SECRETS (comma-separated base64, several during
 * a rotation), decoded once per process rather than on every delivery.
 */
export type WebhookKey = {
  key: Buffer;
  /** First 8 hex of SHA-256(key): tells the secrets apart in the inbox without revealing them. */
  fingerprint: string;
};

type KeySet = { keys: WebhookKey[]; buffers: Buffer[] };
let cached: (KeySet & { raw: string }) | undefined;

/** The configured secrets' keys and fingerprints, in the order DEBITURA_WEBHOOK_SECRETS lists them. */
export function getWebhookKeys(raw = process.env.DEBITURA_WEBHOOK_SECRETS ?? ''): WebhookKey[] {
  return getWebhookKeySet(raw).keys;
}

/** The same, plus the bare key buffers verifySignature takes (no per-request allocation). */
export function getWebhookKeySet(raw = process.env.DEBITURA_WEBHOOK_SECRETS ?? ''): KeySet {
  if (cached?.raw !== raw) {
    const keys = parseWebhookSecrets(raw);
    cached = { raw, keys, buffers: keys.map((entry) => entry.key) };
  }
  return cached;
}

export function parseWebhookSecrets(raw: string): WebhookKey[] {
  return raw
    .split(',')
    .map((secret) => secret.trim())
    .filter(Boolean)
    .map(decodeSecret)
    .filter((key) => key.length > 0)
    .map((key) => ({ key, fingerprint: secretFingerprint(key) }));
}

export function secretFingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export type KeyVerdict =
  { ok: true; fingerprint: string } | { ok: false; reason: SignatureFailure | 'no_secret_configured' };

/**
 * Verifies a delivery against every secret we know: DEBITURA_WEBHOOK_SECRETS and those the
 * Debitura connection stored. A miss reloads the stored ones once (a secret just stored by
 * another process) before it counts as a miss.
 */
export async function verifyWithWebhookKeys(header: string | null, body: Uint8Array): Promise<KeyVerdict> {
  const configured = getWebhookKeySet();
  let verdict = verifyWith(configured, await getStoredWebhookKeys(), header, body);
  if (!verdict.ok && (verdict.reason === 'no_matching_secret' || verdict.reason === 'no_secret_configured')) {
    verdict = verifyWith(configured, await getStoredWebhookKeys({ afterMiss: true }), header, body);
  }
  return verdict;
}

function verifyWith(configured: KeySet, stored: WebhookKey[], header: string | null, body: Uint8Array): KeyVerdict {
  const keys = stored.length ? [...configured.keys, ...stored] : configured.keys;
  if (!keys.length) return { ok: false, reason: 'no_secret_configured' };
  const buffers = stored.length ? keys.map((entry) => entry.key) : configured.buffers;
  const verdict = verifySignature(header, body, buffers);
  return verdict.ok ? { ok: true, fingerprint: keys[verdict.secretIndex].fingerprint } : verdict;
}
