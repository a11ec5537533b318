import {
  createApiToken,
  DEFAULT_TOKEN_DAYS,
  isTokenScope,
  listApiTokens,
  MAX_TOKEN_DAYS,
  revokeApiToken,
} from '@/lib/auth/tokens';
import { findUserByEmail, UserNotFoundError } from '@/lib/users/users';
import { defineCommands, requiredString, stringValue, UsageError, type CommandContext } from './command';

async function userByEmail(context: CommandContext) {
  const email = requiredString(context, 'email');
  const user = await findUserByEmail(email);
  if (!user) throw new UserNotFoundError(email.trim().toLowerCase());
  return user;
}

export default defineCommands([
  {
    name: 'token:create',
    args: '--email E [--name N] [--scope read|read-write] [--expires-days D|never]',
    summary: `Create an API token for a user (default read-write, expiring in ${DEFAULT_TOKEN_DAYS} days); the token alone is the last line of stdout.`,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      scope: { type: 'string' },
      'expires-days': { type: 'string' },
    },
    required: ['email'],
    async run(context) {
      const scope = stringValue(context, 'scope') ?? 'read-write';
      if (!isTokenScope(scope)) throw new UsageError('--scope must be read or read-write.');
      const days = stringValue(context, 'expires-days') ?? String(DEFAULT_TOKEN_DAYS);
      const expiresInDays = days === 'never' ? null : Number(days);
      if (
        expiresInDays !== null &&
        !(Number.isInteger(expiresInDays) && expiresInDays >= 1 && expiresInDays <= MAX_TOKEN_DAYS)
      )
        throw new UsageError(`--expires-days must be 1 to ${MAX_TOKEN_DAYS}, or never.`);
      const user = await userByEmail(context);
      const { id, token } = await createApiToken({
        userId: user.id,
        name: stringValue(context, 'name') ?? 'CLI token',
        scope,
        expiresInDays,
      });
      context.note(`Created API token ${id} for ${user.email} (${user.role}). It is shown once:`);
      context.out(token);
    },
  },
  {
    name: 'token:list',
    args: '[--email E]',
    summary: "List API tokens (a user's, or everyone's).",
    options: { email: { type: 'string' } },
    async run(context) {
      const user = stringValue(context, 'email') ? await userByEmail(context) : null;
      const tokens = await listApiTokens(user?.id);
      if (!tokens.length) return context.out('No API tokens.');
      for (const token of tokens) {
        const status = token.revokedAt
          ? `revoked ${token.revokedAt.toISOString()}`
          : token.isSuperseded
            ? 'ended (user changed)'
            : token.isExpired
              ? `expired ${token.expiresAt?.toISOString()}`
              : `active until ${token.expiresAt?.toISOString() ?? 'never'}`;
        const used = token.lastUsedAt ? token.lastUsedAt.toISOString() : 'never used';
        context.out(
          `${token.id}  ${token.prefix}…  ${token.name}  user ${token.userId}  ${token.scope}  ${status}  ${used}`,
        );
      }
    },
  },
  {
    name: 'token:revoke',
    args: '--id ID',
    summary: 'Revoke an API token by its id.',
    options: { id: { type: 'string' } },
    required: ['id'],
    async run(context) {
      const token = await revokeApiToken(requiredString(context, 'id'));
      context.out(`Revoked API token ${token.id} (${token.name}).`);
    },
  },
]);
