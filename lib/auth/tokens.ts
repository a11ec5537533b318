import { createHash, randomBytes } from 'node:crypto';
import { recordAudit, type AuditActor } from '@/lib/audit/audit';
import { isRole, type Role } from '@/lib/auth/permissions';
import { db } from '@/lib/db';

/**
 * Per-user bearer tokens for the JSON API. The token is shown once; only its SHA-256 is
 * stored (it carries 256 random bits, so a slow hash would add nothing). The `cd_`
 * prefix makes leaked tokens easy to recognise (e.g. by secret scanners).
 */
export const TOKEN_PREFIX = 'cd_';
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;
/** last_used_at is written at most this often per token, so busy clients cost no extra writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

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
};

export type TokenUser = { id: string; email: string; name: string; role: Role };

type Options = { actor?: AuditActor | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createApiToken(
  input: { userId: string; name: string },
  options: Options = {},
): Promise<{ id: string; token: string }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const name = input.name.trim() || 'API token';
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: input.userId, name, tokenHash: hashToken(token), prefix: token.slice(0, SHOWN_PREFIX_LENGTH) },
      select: { id: true },
    });
    await recordAudit(
      {
        actor: options.actor,
        action: 'token.created',
        targetType: 'api_token',
        targetId: row.id,
        detail: { userId: input.userId, name },
      },
      tx,
    );
    return { id: row.id, token };
  });
}

/**
 * Revokes a token (idempotent). With `userId`, only that user's token can be revoked: a
 * token of someone else answers as not found.
 */
export async function revokeApiToken(
  id: string,
  options: Options & { userId?: string } = {},
): Promise<ApiTokenSummary> {
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
  return db.apiToken.findMany({ where: userId ? { userId } : {}, orderBy: { createdAt: 'desc' } });
}

/**
 * The user behind a bearer token, or null when the token is unknown, revoked, or its
 * user is disabled. Records the time of use (coarsely, see LAST_USED_RESOLUTION_MS).
 */
export async function findUserByApiToken(token: string): Promise<TokenUser | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } },
    },
  });
  if (!row || row.revokedAt || row.user.disabledAt || !isRole(row.user.role)) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Conditional, so parallel requests from one client write once.
    await db.$executeRaw`UPDATE api_tokens SET last_used_at = now()
      WHERE id = ${row.id}::uuid AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`;
  }
  const { id, email, name, role } = row.user;
  return { id, email, name, role };
}
