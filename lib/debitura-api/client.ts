import { isPlainObject, normalizeKeys } from '@/lib/webhooks/normalize';
import { defaultLimiter, getDebituraApiConfig, type DebituraApiConfig } from './config';
import { ApiNotConfiguredError, PermanentApiError, RetryableApiError } from './errors';
import { apiPath } from './path';

/**
 * The Collection Partner API (docs/debitura.md): base DEBITURA_API_URL, header
 * `XApiKey: DEBITURA_API_KEY`. Every call waits for a slot in Debitura's rate limit (shared by
 * all instances), has a timeout, follows no redirect (the key would go wherever it pointed),
 * reads at most MAX_RESPONSE_BYTES, and fails with RetryableApiError or PermanentApiError.
 * Answers come back with camelCase keys.
 */

export {
  buildApiConfig,
  getDebituraApiConfig,
  hasStoredApiKeyFallback,
  setStoredApiKeyFallback,
  type DebituraApiConfig,
} from './config';
export {
  ApiNotConfiguredError,
  DebituraApiError,
  PermanentApiError,
  RetryableApiError,
  type BusinessError,
} from './errors';

export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type RequestOptions = {
  body?: unknown;
  /** A multipart body (file uploads) instead of JSON. */
  form?: FormData;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
};

/** The case detail (InvoiceDto), by Debitura's case reference. */
export async function getCaseByReference(
  reference: string,
  config = getDebituraApiConfig(),
): Promise<Record<string, unknown>> {
  return requestObject(config, 'GET', apiPath`/cases/case-reference/${reference}`);
}

export type ChatMessageInput = { message: string; userEmail: string };

/** Posts a chat message (answers the created ChatDto). The idempotency key makes a retry safe. */
export async function postChatMessage(
  caseId: string,
  input: ChatMessageInput,
  idempotencyKey: string,
  config = getDebituraApiConfig(),
): Promise<Record<string, unknown>> {
  return requestObject(config, 'POST', apiPath`/cases/${caseId}/chats`, {
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** A call whose answer must be a JSON object (or empty, as 204 is). */
export async function requestObject(
  config: DebituraApiConfig | null,
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<Record<string, unknown>> {
  const answer = (await request(config, method, path, options)) ?? {};
  if (!isPlainObject(answer))
    throw new PermanentApiError(`${method} ${path}: the answer is not a JSON object`, { status: 200 });
  return answer;
}

export type HttpMethod = Method;

/** One call, any JSON answer (object, array, or null for an empty body), keys camelCased. */
export async function requestJson(
  config: DebituraApiConfig | null,
  method: Method,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  return request(config, method, path, { body, headers });
}

/** One call to the API; the answer is parsed JSON with camelCase keys (null when empty, as a 204 is). */
export async function request(
  config: DebituraApiConfig | null,
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<unknown> {
  if (!config) throw new ApiNotConfiguredError();
  const label = `${method} ${path}`;
  const url = new URL(config.baseUrl + path);
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const limiter = config.limiter === undefined ? defaultLimiter(config.apiKey) : config.limiter;
  await limiter?.take();

  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method,
      headers: {
        XApiKey: config.apiKey,
        Accept: 'application/json',
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...options.headers,
      },
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      // A redirect would carry the XApiKey header to wherever it points: never follow one.
      redirect: 'manual',
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    text = await readCapped(response, label);
  } catch (error) {
    if (error instanceof PermanentApiError) throw error;
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `timed out after ${config.timeoutMs} ms`
        : describeCause(error);
    throw new RetryableApiError(`${label}: ${reason}`, { status: null });
  }

  const parsed = parseJson(text);
  if (response.status >= 300 && response.status < 400) {
    throw new PermanentApiError(`${label}: HTTP ${response.status} redirect refused (not followed with the API key)`, {
      status: response.status,
    });
  }
  if (!response.ok) {
    const body = isPlainObject(parsed) ? (normalizeKeys(parsed) as Record<string, unknown>) : null;
    const message = `${label}: HTTP ${response.status}${text ? ` ${text.slice(0, 300)}` : ''}`;
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      const retryAfterMs = retryAfterFromBody(body) ?? parseRetryAfter(response.headers.get('retry-after'));
      throw new RetryableApiError(message, { status: response.status, body }, retryAfterMs);
    }
    throw new PermanentApiError(message, { status: response.status, body });
  }
  if (!text.trim()) return null;
  if (parsed === undefined)
    throw new PermanentApiError(`${label}: the answer is not JSON`, { status: response.status });
  return normalizeKeys(parsed);
}

/** The body as text, refusing (and cancelling) one larger than MAX_RESPONSE_BYTES. */
async function readCapped(response: Response, label: string): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  const tooLarge = () =>
    new PermanentApiError(`${label}: the answer is larger than ${MAX_RESPONSE_BYTES} bytes`, {
      status: response.status,
    });
  if (declared > MAX_RESPONSE_BYTES) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
}

/** A 429 body's `retryAfter` (seconds, docs/debitura.md "Rate limits"). */
function retryAfterFromBody(body: Record<string, unknown> | null): number | null {
  const value = body?.retryAfter;
  const seconds = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : null;
}

/** Seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
