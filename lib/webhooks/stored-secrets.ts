import { decryptSecret } from '@/lib/debitura/encryption';
import { getPool } from '@/lib/database/pool';
import { parseWebhookSecrets, type WebhookKey } from './secrets';

/**
 * The webhook secrets the Debitura connection stored (encrypted) in the database, decrypted
 * and cached on globalThis (Next bundles routes apart; the cache must be one per process).
 * The hot path reads the cache; it is reloaded when older than FRESH_MS, and at once (at
 * most once a second) when a delivery matches none of the keys, so a secret stored by the
 * CLI or another instance verifies its first delivery. If the database cannot be read, the
 * last keys stay in use.
 */

const FRESH_MS = 10_000;
const MISS_RELOAD_MS = 1_000;

type Cache = { keys: WebhookKey[]; loadedAt: number; loading?: Promise<WebhookKey[]> };
const globalForSecrets = globalThis as unknown as { casedeskStoredSecrets?: Cache };

export async function getStoredWebhookKeys(options: { afterMiss?: boolean } = {}): Promise<WebhookKey[]> {
  const cache = (globalForSecrets.casedeskStoredSecrets ??= { keys: [], loadedAt: 0 });
  const age = Date.now() - cache.loadedAt;
  if (age < (options.afterMiss ? MISS_RELOAD_MS : FRESH_MS)) return cache.keys;
  cache.loading ??= loadStoredKeys().then(
    (keys) => {
      Object.assign(cache, { keys, loadedAt: Date.now(), loading: undefined });
      return keys;
    },
    (error: unknown) => {
      // Try again in a second rather than on every delivery.
      Object.assign(cache, { loadedAt: Date.now() - FRESH_MS + MISS_RELOAD_MS, loading: undefined });
      console.error('[webhook] could not read stored secrets', error instanceof Error ? error.message : error);
      return cache.keys;
    },
  );
  return cache.loading;
}

/** Forget the cache (after this process stored or dropped a secret). */
export function forgetStoredWebhookKeys(): void {
  globalForSecrets.casedeskStoredSecrets = undefined;
}

async function loadStoredKeys(): Promise<WebhookKey[]> {
  const { rows } = await getPool().query<{ secret_encrypted: string }>({
    name: 'webhook-stored-secrets',
    text: "SELECT secret_encrypted FROM debitura_webhook_secrets ORDER BY status = 'active' DESC, created_at DESC",
  });
  const secrets: string[] = [];
  for (const row of rows) {
    try {
      secrets.push(decryptSecret(row.secret_encrypted));
    } catch {
      // Stored under another encryption key: the admin page reports it; it verifies nothing.
    }
  }
  return parseWebhookSecrets(secrets.join(','));
}
