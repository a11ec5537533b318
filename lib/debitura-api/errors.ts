/**
 * Every failure of a call to Debitura's API is one of two errors: RetryableApiError (network,
 * timeout, 5xx, 408, 429: trying again later can succeed) or PermanentApiError (other 4xx,
 * unusable answers: the same call gets the same answer). Both carry Debitura's error body
 * (`{error, message, businessErrors:[{type, message}]}`, docs/debitura.md) when there was one.
 */

export type BusinessError = { type: string | null; message: string };

export type ApiErrorDetail = {
  status: number | null;
  /** Debitura's parsed error body (camelCase keys), when it sent JSON. */
  body?: Record<string, unknown> | null;
};

export class DebituraApiError extends Error {
  readonly status: number | null;
  readonly body: Record<string, unknown> | null;

  constructor(
    message: string,
    /** The detail, or just the HTTP status (null: no answer). */
    detail: ApiErrorDetail | number | null,
    readonly isRetryable: boolean,
  ) {
    super(message);
    this.name = new.target.name;
    const full = typeof detail === 'object' && detail !== null ? detail : { status: detail };
    this.status = full.status;
    this.body = full.body ?? null;
  }

  /** `businessErrors[]` from the body: what Debitura says to fix. */
  get businessErrors(): BusinessError[] {
    const list = this.body?.businessErrors;
    if (!Array.isArray(list)) return [];
    return list.flatMap((item) => {
      const entry = item as { type?: unknown; message?: unknown };
      return typeof entry?.message === 'string'
        ? [{ type: typeof entry.type === 'string' ? entry.type : null, message: entry.message }]
        : [];
    });
  }

  /** What to show a person: Debitura's own words where it gave some, else the technical message. */
  get userMessage(): string {
    const business = this.businessErrors.map((error) => error.message);
    if (business.length) return business.join(' ');
    const message = this.body?.message ?? this.body?.title ?? this.body?.detail;
    return typeof message === 'string' && message.trim() ? message.trim() : this.message;
  }
}

export class RetryableApiError extends DebituraApiError {
  constructor(
    message: string,
    detail: ApiErrorDetail | number | null,
    /** From `retryAfter` in a 429 body, else the Retry-After header. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message, detail, true);
  }
}

export class PermanentApiError extends DebituraApiError {
  constructor(message: string, detail: ApiErrorDetail | number | null) {
    super(message, detail, false);
  }
}

export class ApiNotConfiguredError extends PermanentApiError {
  constructor(message = 'DEBITURA_API_URL is not set') {
    super(message, { status: null });
  }
}
