import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Debitura's webhook signature (docs/debitura.md "Headers and signature"):
 * `X-Debitura-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...]`, where each hex is
 * HMAC-SHA256(base64-decoded secret, "<t>." + raw body bytes).
 */

export const MAX_AGE_SECONDS = 300;
export const MAX_FUTURE_SECONDS = 30;

export type SignatureFailure =
  'missing_signature' | 'malformed_signature' | 'stale_timestamp' | 'future_timestamp' | 'no_matching_secret';

export type VerifyResult = { ok: true; secretIndex: number } | { ok: false; reason: SignatureFailure };

export function decodeSecret(secret: string): Buffer {
  return Buffer.from(secret.trim(), 'base64');
}

export function computeSignature(key: Buffer, timestamp: string, body: Uint8Array): string {
  return createHmac('sha256', key).update(`${timestamp}.`).update(body).digest('hex');
}

export function signatureHeader(
  secret: string,
  body: Uint8Array | string,
  unixSeconds = Math.floor(Date.now() / 1000),
): string {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const t = String(unixSeconds);
  return `t=${t},v1=${computeSignature(decodeSecret(secret), t, bytes)}`;
}

export function parseSignatureHeader(header: string): { timestamp: string; signatures: string[] } | null {
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const key = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    if (key === 't') timestamp = value;
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || signatures.length === 0) return null;
  return { timestamp, signatures };
}

/** Checks the header against every key (several during a secret rotation). */
export function verifySignature(
  header: string | null,
  body: Uint8Array,
  keys: readonly Buffer[],
  nowSeconds = Math.floor(Date.now() / 1000),
): VerifyResult {
  if (!header) return { ok: false, reason: 'missing_signature' };
  const parsed = parseSignatureHeader(header);
  if (!parsed) return { ok: false, reason: 'malformed_signature' };
  const age = nowSeconds - Number(parsed.timestamp);
  if (age > MAX_AGE_SECONDS) return { ok: false, reason: 'stale_timestamp' };
  if (age < -MAX_FUTURE_SECONDS) return { ok: false, reason: 'future_timestamp' };

  for (const [secretIndex, key] of keys.entries()) {
    const expected = Buffer.from(computeSignature(key, parsed.timestamp, body), 'hex');
    for (const candidate of parsed.signatures) {
      if (timingSafeEqual(expected, Buffer.from(candidate, 'hex'))) return { ok: true, secretIndex };
    }
  }
  return { ok: false, reason: 'no_matching_secret' };
}
