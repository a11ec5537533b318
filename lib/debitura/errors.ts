import { DebituraApiError, RetryableApiError } from '@/lib/debitura-api/client';
import { DecryptionError, EncryptionUnavailableError } from './encryption';
import type { UrlProblem } from './webhook-url';

/**
 * Why a connection step failed, as a stable code the page translates and the CLI prints,
 * plus Debitura's own words where it gave any (shown as is).
 */
export type ConnectionProblem =
  | 'no_api_key'
  | 'key_refused'
  | 'rate_limited'
  | 'unreachable'
  | 'debitura_refused'
  | 'no_public_url'
  | UrlProblem
  | 'not_registered'
  | 'subscription_missing'
  | 'not_test_mode'
  | 'no_case_for_test'
  | 'encryption_unavailable'
  | 'key_unreadable';

export class ConnectionError extends Error {
  constructor(
    readonly problem: ConnectionProblem,
    message: string,
    /** What Debitura answered, when it answered. */
    readonly detail: string | null = null,
  ) {
    super(message);
    this.name = 'ConnectionError';
  }
}

/** Any failure of a connection step as a ConnectionError; other errors (bugs) pass through. */
export function toConnectionError(error: unknown): ConnectionError | null {
  if (error instanceof ConnectionError) return error;
  if (error instanceof EncryptionUnavailableError) return new ConnectionError('encryption_unavailable', error.message);
  if (error instanceof DecryptionError) return new ConnectionError('key_unreadable', error.message);
  if (!(error instanceof DebituraApiError)) return null;
  if (error.status === 401 || error.status === 403) {
    return new ConnectionError('key_refused', 'Debitura refused the API key.', error.message);
  }
  if (error.status === 429) return new ConnectionError('rate_limited', 'Debitura asks us to slow down.', error.message);
  if (error instanceof RetryableApiError) {
    return new ConnectionError('unreachable', 'Debitura did not answer (or answered with an error).', error.message);
  }
  return new ConnectionError('debitura_refused', 'Debitura refused the request.', error.message);
}
