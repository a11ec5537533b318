import { describe, expect, it } from 'vitest';
import { decodeSecret, signatureHeader, verifySignature } from './signature';

const secret = Buffer.from('a-webhook-secret-of-32-bytes!!!!').toString('base64');
const other = Buffer.from('another-secret-of-32-bytes......').toString('base64');
const body = Buffer.from('{"id":"1","event":"case.assigned"}');
const now = 1_800_000_000;

describe('verifySignature', () => {
  it('accepts a body signed with any configured secret and says which', () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignature(header, body, [decodeSecret(other), decodeSecret(secret)], now)).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it('accepts when any of several v1 signatures matches', () => {
    const good = signatureHeader(secret, body, now).split(',v1=')[1];
    const header = `t=${now},v1=${'0'.repeat(64)},v1=${good}`;
    expect(verifySignature(header, body, [decodeSecret(secret)], now).ok).toBe(true);
  });

  it('trims whitespace around the base64 secret', () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignature(header, body, [decodeSecret(`  ${secret}\n`)], now).ok).toBe(true);
  });

  it('names the reason for each refusal', () => {
    const keys = [decodeSecret(secret)];
    expect(verifySignature(null, body, keys, now)).toEqual({ ok: false, reason: 'missing_signature' });
    expect(verifySignature('v1=abc', body, keys, now)).toEqual({ ok: false, reason: 'malformed_signature' });
    expect(verifySignature(signatureHeader(secret, body, now - 301), body, keys, now)).toEqual({
      ok: false,
      reason: 'stale_timestamp',
    });
    expect(verifySignature(signatureHeader(secret, body, now + 31), body, keys, now)).toEqual({
      ok: false,
      reason: 'future_timestamp',
    });
    expect(verifySignature(signatureHeader(other, body, now), body, keys, now)).toEqual({
      ok: false,
      reason: 'no_matching_secret',
    });
  });

  it('accepts the edges of the time window', () => {
    const keys = [decodeSecret(secret)];
    expect(verifySignature(signatureHeader(secret, body, now - 300), body, keys, now).ok).toBe(true);
    expect(verifySignature(signatureHeader(secret, body, now + 30), body, keys, now).ok).toBe(true);
  });

  it('fails when a single byte of the body changes', () => {
    const header = signatureHeader(secret, body, now);
    const tampered = Buffer.from(body);
    tampered[5] ^= 1;
    expect(verifySignature(header, tampered, [decodeSecret(secret)], now).ok).toBe(false);
  });
});
