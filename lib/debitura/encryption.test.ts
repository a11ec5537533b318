import { describe, expect, it } from 'vitest';
import { decryptSecret, DecryptionError, encryptionKeySource, encryptSecret } from './encryption';

const withAuth = { AUTH_SECRET: 'session-secret-one' } as NodeJS.ProcessEnv;
const withKey = { ...withAuth, CASEDESK_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') } as NodeJS.ProcessEnv;

describe('stored secret encryption', () => {
  it('round-trips, with a different ciphertext each time', () => {
    const first = encryptSecret('api-key-123', withAuth);
    const second = encryptSecret('api-key-123', withAuth);
    expect(first).not.toBe(second);
    expect(first).not.toContain('api-key-123');
    expect(decryptSecret(first, withAuth)).toBe('api-key-123');
    expect(decryptSecret(second, withAuth)).toBe('api-key-123');
  });

  it('prefers CASEDESK_ENCRYPTION_KEY and cannot read values stored under another key', () => {
    expect(encryptionKeySource(withKey)).toBe('CASEDESK_ENCRYPTION_KEY');
    expect(encryptionKeySource(withAuth)).toBe('AUTH_SECRET');
    expect(encryptionKeySource({} as NodeJS.ProcessEnv)).toBeNull();
    const stored = encryptSecret('secret', withKey);
    expect(() => decryptSecret(stored, withAuth)).toThrow(DecryptionError);
    expect(() =>
      decryptSecret(encryptSecret('secret', withAuth), { AUTH_SECRET: 'other' } as NodeJS.ProcessEnv),
    ).toThrow(DecryptionError);
  });

  it('refuses an altered value', () => {
    const stored = encryptSecret('secret', withAuth);
    const parts = stored.split('.');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    parts[3] = flipped.toString('base64url');
    expect(() => decryptSecret(parts.join('.'), withAuth)).toThrow(DecryptionError);
    expect(() => decryptSecret('garbage', withAuth)).toThrow(DecryptionError);
  });
});
