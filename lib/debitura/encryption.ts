import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets at rest (the API key, webhook secrets): AES-256-GCM with a fresh 12-byte nonce per
 * value, stored as `v1.<nonce>.<tag>.<ciphertext>` (base64url). The key comes from
 * CASEDESK_ENCRYPTION_KEY, or is derived from AUTH_SECRET when that is unset, so a deployment
 * needs no new variable; the admin page says which, because rotating AUTH_SECRET then makes
 * the stored values unreadable (they are entered again).
 */

export type KeySource = 'CASEDESK_ENCRYPTION_KEY' | 'AUTH_SECRET';

export class EncryptionUnavailableError extends Error {
  constructor() {
    super('Neither CASEDESK_ENCRYPTION_KEY nor AUTH_SECRET is set: stored secrets cannot be encrypted.');
    this.name = 'EncryptionUnavailableError';
  }
}

export class DecryptionError extends Error {
  constructor() {
    super('A stored secret cannot be decrypted: the encryption key changed since it was stored.');
    this.name = 'DecryptionError';
  }
}

const VERSION = 'v1';

export function encryptionKeySource(env: NodeJS.ProcessEnv = process.env): KeySource | null {
  if (env.CASEDESK_ENCRYPTION_KEY?.trim()) return 'CASEDESK_ENCRYPTION_KEY';
  if ((env.AUTH_SECRET ?? env.NEXTAUTH_SECRET)?.trim()) return 'AUTH_SECRET';
  return null;
}

function encryptionKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const explicit = env.CASEDESK_ENCRYPTION_KEY?.trim();
  if (explicit) {
    // 32 bytes in base64 is used as is; any other text is hashed to 32 bytes.
    const decoded = Buffer.from(explicit, 'base64');
    return decoded.length === 32 ? decoded : createHash('sha256').update(explicit).digest();
  }
  const authSecret = (env.AUTH_SECRET ?? env.NEXTAUTH_SECRET)?.trim();
  if (!authSecret) throw new EncryptionUnavailableError();
  // A key of its own (HKDF with a purpose label), never the session-signing secret itself.
  return Buffer.from(hkdfSync('sha256', authSecret, 'casedesk', 'casedesk stored secrets v1', 32));
}

export function encryptSecret(plain: string, env: NodeJS.ProcessEnv = process.env): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(env), nonce);
  const encrypted = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, nonce, cipher.getAuthTag(), encrypted]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Throws DecryptionError when the value was stored under another key or was altered. */
export function decryptSecret(stored: string, env: NodeJS.ProcessEnv = process.env): string {
  const [version, nonce, tag, encrypted] = stored.split('.');
  if (version !== VERSION || !nonce || !tag || encrypted === undefined) throw new DecryptionError();
  try {
    const decipher = createDecipheriv('aes-256-gcm', encryptionKey(env), Buffer.from(nonce, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64url')), decipher.final()]).toString('utf8');
  } catch (error) {
    if (error instanceof EncryptionUnavailableError) throw error;
    throw new DecryptionError();
  }
}
