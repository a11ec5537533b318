import { createHash, randomBytes } from 'node:crypto';
import { recordAudit, type AuditActor } from '@/lib/audit/audit';
import { isRole, type Role } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { DEFAULT_TOKEN_DAYS, isTokenScope, type TokenScope } from './token-choices';

/**
 * Per-user bearer tokens for the JSON API. The token is shown once; only its SHA-256 is
 * stored (it carries 256 random bits, so a slow hash would add nothing). The `cd_`
 * prefix makes leaked tokens easy to recognise (e.g. by secret scanners).
 */
export const TOKEN_PREFIX = 'cd_';
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;
/** last_used_at is written at most this often per token, so busy clients cost no extra writes. */
const LAST_USED_RESOLUTION_MS = 60_000;
export { DEFAULT_TOKEN_DAYS, isTokenScope, TOKEN_SCOPES, type TokenScope } from './token-choices';
/** The longest lifetime a token can be given (null: it never expires). */
export const MAX_TOKEN_DAYS = 366;
/** Collectors may hold this many live tokens; managers and admins are trusted with more. */
export const MAX_COLLECTOR_TOKENS = 5;

export class TokenLimitError extends Error {
  constructor() {
    super(`A collector can hold at most ${MAX_COLLECTOR_TOKENS} API tokens: revoke one first.`);
    this.name = 'TokenLimitError';
  }
}

export class ApiTokenNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`No API token with the id ${id}.`);
    this.name = 'ApiTokenNotFoundError';
  }
}

export type ApiTokenSummary = {
  id: string;
  userId: string;
  name: string;
  /** The first characters of the token, to tell tokens apart. */
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
  scope: string;
  /** Ended by a password reset, disable or role change of its user after it was made. */
  isSuperseded: boolean;
  isExpired: boolean;
};

export type TokenUser = { id: string; email: string; name: string; role: Role; scope: TokenScope };

type Options = { actor?: AuditActor | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Makes a token for the user: `read-write` unless asked for `read`, expiring after
 * `expiresInDays` (default 90; null never). The user's row is locked while counting, so
 * parallel requests cannot take a collector past MAX_COLLECTOR_TOKENS.
 */
export async function createApiToken(
  input: { userId: string; name: string; scope?: TokenScope; expiresInDays?: number | null },
  options: Options = {},
): Promise<{ id: string; token: string }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const name = input.name.trim() || 'API token';
  const scope = input.scope ?? 'read-write';
  const days = input.expiresInDays === undefined ? DEFAULT_TOKEN_DAYS : input.expiresInDays;
  if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= MAX_TOKEN_DAYS)) {
    throw new RangeError(`A token expires after 1 to ${MAX_TOKEN_DAYS} days.`);
  }
  return db.$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<{ role: string; session_version: number }[]>`
      SELECT role, session_version FROM users WHERE id = ${input.userId}::uuid FOR UPDATE`;
    if (!user) throw new Error(`No user with the id ${input.userId}.`);
    if (user.role === 'collector') {
      const live = await tx.apiToken.count({
        where: { userId: input.userId, ...liveTokenWhere(user.session_version) },
      });
      if (live >= MAX_COLLECTOR_TOKENS) throw new TokenLimitError();
    }
    const row = await tx.apiToken.create({
      data: {
        userId: input.userId,
        name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
        scope,
        expiresAt: days === null ? null : new Date(Date.now() + days * 86_400_000),
        sessionVersion: user.session_version,
      },
      select: { id: true, expiresAt: true },
    });
    await recordAudit(
      {
        actor: options.actor,
        action: 'token.created',
        targetType: 'api_token',
        targetId: row.id,
        detail: { userId: input.userId, name, scope, expiresAt: row.expiresAt?.toISOString() ?? null },
      },
      tx,
    );
    return { id: row.id, token };
  });
}

/** Tokens that still work: not revoked, not expired, not ended by a change to their user. */
function liveTokenWhere(sessionVersion: number) {
  return {
    revokedAt: null,
    sessionVersion,
    OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }],
  };
}

/**
 * Revokes a token (idempotent). With `userId`, only that user's token can be revoked: a
 * token of someone else answers as not found.
 */
export async function revokeApiToken(
  id: string,
  options: Options & { userId?: string } = {},
): Promise<{ id: string; name: string; userId: string; revokedAt: Date | null }> {
  if (!UUID.test(id)) throw new ApiTokenNotFoundError(id);
  return db.$transaction(async (tx) => {
    const existing = await tx.apiToken.findUnique({ where: { id } });
    if (!existing || (options.userId && existing.userId !== options.userId)) throw new ApiTokenNotFoundError(id);
    if (existing.revokedAt) return existing;
    const revoked = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(
      {
        actor: options.actor,
        action: 'token.revoked',
        targetType: 'api_token',
        targetId: id,
        detail: { userId: existing.userId },
      },
      tx,
    );
    return revoked;
  });
}

export async function listApiTokens(userId?: string): Promise<ApiTokenSummary[]> {
  const rows = await db.apiToken.findMany({
    where: userId ? { userId } : {},
    orderBy: { createdAt: 'desc' },
    include: { user: { select: { sessionVersion: true } } },
  });
  return rows.map(({ user, sessionVersion, ...token }) => ({
    ...token,
    isSuperseded: sessionVersion !== user.sessionVersion,
    isExpired: !!token.expiresAt && token.expiresAt.getTime() <= Date.now(),
  }));
}

/**
 * The user behind a bearer token, or null when the token is unknown, revoked, expired, its
 * user disabled, or ended by a password reset or role change since it was made (the user's
 * session version moved on). Records the time of use (coarsely, see LAST_USED_RESOLUTION_MS),
 * and audits a token's first use of each day (UTC).
 */
export async function findUserByApiToken(token: string): Promise<TokenUser | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      expiresAt: true,
      scope: true,
      sessionVersion: true,
      user: { select: { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true } },
    },
  });
  if (!row || row.revokedAt || row.user.disabledAt || !isRole(row.user.role) || !isTokenScope(row.scope)) return null;
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return null;
  if (row.sessionVersion !== row.user.sessionVersion) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await recordUse(row.id, row.user);
  }
  const { id, email, name, role } = row.user;
  return { id, email, name, role, scope: row.scope };
}

/**
 * Conditional, so parallel requests from one client write once; the row that moves
 * last_used_at into a new day also answers whether this is the day's first use, to audit it.
 */
async function recordUse(tokenId: string, user: { id: string; email: string }): Promise<void> {
  const rows = await db.$queryRaw<{ is_first_today: boolean }[]>`
    UPDATE api_tokens t SET last_used_at = now()
    FROM (SELECT id, last_used_at AS previous FROM api_tokens WHERE id = ${tokenId}::uuid) old
    WHERE t.id = old.id AND (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute')
    RETURNING (old.previous IS NULL OR (old.previous AT TIME ZONE 'UTC')::date < (now() AT TIME ZONE 'UTC')::date)
      AS is_first_today`;
  if (rows[0]?.is_first_today) {
    await recordAudit({
      actor: { id: user.id, email: user.email },
      action: 'token.used',
      targetType: 'api_token',
      targetId: tokenId,
    });
  }
}
