/**
 * What an API token may be given when it is created: its scope and how long it lives. Plain
 * values, so the forms that offer them (account and admin pages) and lib/auth/tokens.ts that
 * enforces them read one list.
 */
export const TOKEN_SCOPES = ['read', 'read-write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export function isTokenScope(value: unknown): value is TokenScope {
  return typeof value === 'string' && (TOKEN_SCOPES as readonly string[]).includes(value);
}

/** A new token's lifetime unless asked otherwise. */
export const DEFAULT_TOKEN_DAYS = 90;
/** The lifetimes the forms offer, in days. */
export const TOKEN_EXPIRY_CHOICES = [30, DEFAULT_TOKEN_DAYS, 365] as const;

export type TokenOptions = { scope: TokenScope; expiresInDays: number };

/**
 * A token form's scope and lifetime, or which field is wrong. A field the form did not send
 * takes the default (read-write, 90 days), as lib/auth/tokens.ts does.
 */
export function readTokenOptions(formData: FormData): TokenOptions | { invalid: 'scope' | 'expiresInDays' } {
  const scope = formData.get('scope') ?? 'read-write';
  if (!isTokenScope(scope)) return { invalid: 'scope' };
  const days = Number(formData.get('expiresInDays') ?? DEFAULT_TOKEN_DAYS);
  if (!(TOKEN_EXPIRY_CHOICES as readonly number[]).includes(days)) return { invalid: 'expiresInDays' };
  return { scope, expiresInDays: days };
}
