import { isPlainObject, normalizeKeys } from '@/lib/webhooks/normalize';

/**
 * The Collection Partner API (docs/debitura.md "The Collection Partner API"): base DEBITURA_API_URL,
 * header `XApiKey: DEBITURA_API_KEY`. Every call has a timeout, and every failure is one of
 * two errors: RetryableApiError (network, timeout, 5xx, 408, 429: try again later) or
 * PermanentApiError (other 4xx, unusable answers: retrying gives the same answer).
 * Answers come back with camelCase keys.
 */

export type DebituraApiConfig = { baseUrl: string; apiKey: string; timeoutMs: number };

export class DebituraApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly isRetryable: boolean,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class RetryableApiError extends DebituraApiError {
  constructor(
    message: string,
    status: number | null,
    /** From Retry-After, when the API sent one. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message, status, true);
  }
}

export class PermanentApiError extends DebituraApiError {
  constructor(message: string, status: number | null) {
    super(message, status, false);
  }
}

export class ApiNotConfiguredError extends PermanentApiError {
  constructor() {
    super('DEBITURA_API_URL is not set', null);
  }
}

const globalForKey = globalThis as unknown as { casedeskStoredApiKey?: string | null };

/**
 * The API key an admin stored on the Debitura page (lib/debitura/api-config.ts keeps this
 * current in each process), used when DEBITURA_API_KEY is unset; with it, the API's URL
 * defaults to Debitura's production host.
 */
export function setStoredApiKeyFallback(apiKey: string | null): void {
  globalForKey.casedeskStoredApiKey = apiKey;
}

export function getDebituraApiConfig(env: NodeJS.ProcessEnv = process.env): DebituraApiConfig | null {
  const storedKey = env === process.env ? globalForKey.casedeskStoredApiKey : null;
  const baseUrl = env.DEBITURA_API_URL?.trim() || (storedKey ? 'https://collectionpartner-api.debitura.com' : '');
  if (!baseUrl) return null;
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    apiKey: env.DEBITURA_API_KEY?.trim() || storedKey || '',
    timeoutMs: Number(env.DEBITURA_API_TIMEOUT_MS ?? 10_000),
  };
}

/** The case detail (InvoiceDto), by Debitura's case reference. */
export async function getCaseByReference(
  reference: string,
  config = getDebituraApiConfig(),
): Promise<Record<string, unknown>> {
  return request(config, 'GET', `/cases/case-reference/${encodeURIComponent(reference)}`);
}

export type ChatMessageInput = { message: string; userEmail: string };

/** Posts a chat message (answers the created ChatDto). The idempotency key makes a retry safe. */
export async function postChatMessage(
  caseId: string,
  input: ChatMessageInput,
  idempotencyKey: string,
  config = getDebituraApiConfig(),
): Promise<Record<string, unknown>> {
  return request(config, 'POST', `/cases/${encodeURIComponent(caseId)}/chats`, input, {
    'Idempotency-Key': idempotencyKey,
  });
}

async function request(
  config: DebituraApiConfig | null,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const answer = (await requestJson(config, method, path, body, headers)) ?? {};
  if (!isPlainObject(answer)) throw new PermanentApiError(`${method} ${path}: the answer is not a JSON object`, 200);
  return answer;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One call, any JSON answer (object, array, or null for an empty body), keys camelCased. */
export async function requestJson(
  config: DebituraApiConfig | null,
  method: HttpMethod,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  if (!config) throw new ApiNotConfiguredError();
  const label = `${method} ${path}`;
  let response: Response;
  try {
    response = await fetch(config.baseUrl + path, {
      method,
      headers: {
        XApiKey: config.apiKey,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `timed out after ${config.timeoutMs} ms`
        : describeCause(error);
    throw new RetryableApiError(`${label}: ${reason}`, null);
  }

  const text = await response.text().catch(() => '');
  if (!response.ok) {
    const message = `${label}: HTTP ${response.status}${text ? ` ${text.slice(0, 300)}` : ''}`;
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      throw new RetryableApiError(message, response.status, parseRetryAfter(response.headers.get('retry-after')));
    }
    throw new PermanentApiError(message, response.status);
  }
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    throw new PermanentApiError(`${label}: the answer is not JSON`, response.status);
  }
  return normalizeKeys(parsed);
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
}

/** Seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
