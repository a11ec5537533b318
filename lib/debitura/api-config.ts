import { buildApiConfig, setStoredApiKeyFallback, type DebituraApiConfig } from '@/lib/debitura-api/client';
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
