import { createHash } from 'node:crypto';
import { ApiNotConfiguredError } from './errors';
import { databaseRateLimiter, DEBITURA_RATE_LIMIT_PER_MINUTE, type RateLimiter } from './rate-limit';

/**
 * Where and how to call the Collection Partner API, from the environment: DEBITURA_API_URL,
 * DEBITURA_API_KEY (sent as `XApiKey`), DEBITURA_API_TIMEOUT_MS (default 10 s) and, for
 * tests and benchmarks, DEBITURA_API_RATE_LIMIT (calls a minute; default Debitura's 2,000).
 */
export type DebituraApiConfig = {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  /**
   * Waits for a slot in Debitura's rate limit before each call. Absent: the limit shared in
   * PostgreSQL for this key (so no caller can forget it); null: none (unit tests only).
   */
  limiter?: RateLimiter | null;
};

export const MIN_TIMEOUT_MS = 100;
export const MAX_TIMEOUT_MS = 120_000;

const DEBITURA_PRODUCTION_URL = 'https://collectionpartner-api.debitura.com';
const globalForKey = globalThis as unknown as { casedeskStoredApiKey?: string | null };

/**
 * The API key an admin stored on the Debitura page (lib/debitura/api-config.ts keeps this
 * current in each process), used when DEBITURA_API_KEY is unset; with it, the API's URL
 * defaults to Debitura's production host.
 */
export function setStoredApiKeyFallback(apiKey: string | null | undefined): void {
  globalForKey.casedeskStoredApiKey = apiKey;
}

/** Whether this process has read the stored key yet (null: read, and there is none). */
export function hasStoredApiKeyFallback(): boolean {
  return globalForKey.casedeskStoredApiKey !== undefined;
}

export function getDebituraApiConfig(env: NodeJS.ProcessEnv = process.env): DebituraApiConfig | null {
  const storedKey = env === process.env ? globalForKey.casedeskStoredApiKey : null;
  const baseUrl = env.DEBITURA_API_URL?.trim() || (storedKey ? DEBITURA_PRODUCTION_URL : '');
  if (!baseUrl) return null;
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new ApiNotConfiguredError(`DEBITURA_API_URL is not a URL: ${JSON.stringify(baseUrl)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ApiNotConfiguredError('DEBITURA_API_URL must be an http(s) URL');
  }
  return buildApiConfig(baseUrl, env.DEBITURA_API_KEY?.trim() || storedKey || '', env);
}

/** A config for this URL and key, with the timeout and rate limit from the environment (validated). */
export function buildApiConfig(
  baseUrl: string,
  apiKey: string,
  env: NodeJS.ProcessEnv = process.env,
): DebituraApiConfig {
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    apiKey,
    timeoutMs: parseTimeout(env.DEBITURA_API_TIMEOUT_MS),
    limiter: databaseRateLimiter(apiKeyFingerprint(apiKey), parseRateLimit(env.DEBITURA_API_RATE_LIMIT)),
  };
}

/** The limiter a config without one gets: this key's share of the limit, from the environment. */
export function defaultLimiter(apiKey: string, env: NodeJS.ProcessEnv = process.env): RateLimiter {
  return databaseRateLimiter(apiKeyFingerprint(apiKey), parseRateLimit(env.DEBITURA_API_RATE_LIMIT));
}

/** A whole number of milliseconds within bounds; anything else is a configuration error, never NaN. */
export function parseTimeout(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 10_000;
  const timeout = Number(value.trim());
  if (!Number.isInteger(timeout) || timeout < MIN_TIMEOUT_MS || timeout > MAX_TIMEOUT_MS) {
    throw new ApiNotConfiguredError(
      `DEBITURA_API_TIMEOUT_MS must be a whole number of milliseconds from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS}`,
    );
  }
  return timeout;
}

function parseRateLimit(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEBITURA_RATE_LIMIT_PER_MINUTE;
  const limit = Number(value.trim());
  if (!Number.isInteger(limit) || limit < 1) {
    throw new ApiNotConfiguredError('DEBITURA_API_RATE_LIMIT must be a positive whole number of calls a minute');
  }
  return limit;
}

/** Rate-limit rows are keyed by this, so the key itself never reaches the database. */
export function apiKeyFingerprint(apiKey: string): string {
  return createHash('sha256').update(`casedesk-rate:${apiKey}`).digest('hex').slice(0, 16);
}
