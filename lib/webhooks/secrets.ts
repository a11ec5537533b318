import { createHash } from 'node:crypto';
import { decodeSecret } from './signature';

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
