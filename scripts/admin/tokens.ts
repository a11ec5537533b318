import { createApiToken, listApiTokens, revokeApiToken } from '@/lib/auth/tokens';
import { findUserByEmail, UserNotFoundError } from '@/lib/users/users';
import { defineCommands, requiredString, stringValue, type CommandContext } from './command';

async function userByEmail(context: CommandContext) {
  const email = requiredString(context, 'email');
  const user = await findUserByEmail(email);
  if (!user) throw new UserNotFoundError(email.trim().toLowerCase());
  return user;
}

export default defineCommands([
  {
    name: 'token:create',
    args: '--email E [--name N]',
    summary: 'Create an API token for a user; the token alone is the last line of stdout.',
    options: { email: { type: 'string' }, name: { type: 'string' } },
    required: ['email'],
    async run(context) {
      const user = await userByEmail(context);
      const { id, token } = await createApiToken({
        userId: user.id,
        name: stringValue(context, 'name') ?? 'CLI token',
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
        const status = token.revokedAt ? `revoked ${token.revokedAt.toISOString()}` : 'active';
        const used = token.lastUsedAt ? token.lastUsedAt.toISOString() : 'never used';
        context.out(`${token.id}  ${token.prefix}…  ${token.name}  user ${token.userId}  ${status}  ${used}`);
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
