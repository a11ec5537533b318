import {
  buildApiConfig,
  hasStoredApiKeyFallback,
  setStoredApiKeyFallback,
  type DebituraApiConfig,
} from '@/lib/debitura-api/client';
import { DecryptionError } from './encryption';
import { readStoredApiKey } from './store';

/**
 * Where the connection's calls go and with which key: DEBITURA_API_URL (default Debitura's
 * production host; there is no sandbox) and DEBITURA_API_KEY, or else the key an admin
 * entered on the page (stored encrypted).
 */

export const PRODUCTION_API_URL = 'https://collectionpartner-api.debitura.com';

export type KeySource = 'env' | 'stored';

export type ResolvedApi = { config: DebituraApiConfig; keySource: KeySource } | { config: null; keySource: null };

export function apiBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.DEBITURA_API_URL?.trim() || PRODUCTION_API_URL).replace(/\/+$/, '');
}

export function configWithKey(apiKey: string, env: NodeJS.ProcessEnv = process.env): DebituraApiConfig {
  return buildApiConfig(apiBaseUrl(env), apiKey, env);
}

/** Throws DecryptionError when the stored key was encrypted under another key. */
export async function resolveApi(env: NodeJS.ProcessEnv = process.env): Promise<ResolvedApi> {
  const envKey = env.DEBITURA_API_KEY?.trim();
  if (envKey) return { config: configWithKey(envKey, env), keySource: 'env' };
  const stored = await readStoredApiKey();
  // The other senders (case detail, chat replies) read the key synchronously: keep theirs current.
  setStoredApiKeyFallback(stored);
  return stored ? { config: configWithKey(stored, env), keySource: 'stored' } : { config: null, keySource: null };
}

/**
 * Before a job's first call to Debitura in this process: the key an admin stored, read once.
 * Otherwise a worker that restarts with actions queued would send them with no key until the
 * connection's own jobs first read it (and "not configured" is final for an action). After
 * that, resolveApi keeps it current.
 */
export async function loadStoredApiKeyOnce(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (env.DEBITURA_API_KEY?.trim() || hasStoredApiKeyFallback()) return;
  try {
    setStoredApiKeyFallback(await readStoredApiKey());
  } catch (error) {
    if (!(error instanceof DecryptionError)) throw error;
    // The page says so and asks for the key again; until then there is none to send.
    setStoredApiKeyFallback(null);
  }
}
