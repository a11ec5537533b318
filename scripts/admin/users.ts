import { ROLES } from '@/lib/auth/permissions';
import { createUser, listUsers, resetPassword, setUserDisabled, setUserRole } from '@/lib/users/users';
import { defineCommands, requiredString, stringValue, type CommandContext } from './command';

const roles = ROLES.join('|');

async function passwordFrom(context: CommandContext): Promise<string> {
  return stringValue(context, 'password') ?? (await context.readSecret('Password: '));
}

export default defineCommands([
  {
    name: 'user:create',
    args: `--email E --name N --role ${roles} [--password P]`,
    summary: 'Create a user; the password is read from stdin unless --password is given.',
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
    },
    required: ['email', 'name', 'role'],
    async run(context) {
      const email = requiredString(context, 'email');
      const name = requiredString(context, 'name');
      const role = requiredString(context, 'role');
      const user = await createUser({ email, name, role, password: await passwordFrom(context) });
      context.out(`Created ${user.role} ${user.email} (${user.id}).`);
    },
  },
  {
    name: 'user:list',
    args: '',
    summary: 'List users with role and status.',
    options: {},
    async run(context) {
      const users = await listUsers();
      if (!users.length) return context.out('No users yet.');
      const rows = users.map((user) => [
        user.email,
        user.name,
        user.role,
        user.disabledAt ? 'disabled' : 'active',
        user.createdAt.toISOString(),
      ]);
      const header = ['EMAIL', 'NAME', 'ROLE', 'STATUS', 'CREATED'];
      const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
      for (const row of [header, ...rows])
        context.out(
          row
            .map((cell, column) => cell.padEnd(widths[column]))
            .join('  ')
            .trimEnd(),
        );
    },
  },
  {
    name: 'user:disable',
    args: '--email E',
    summary: 'Disable a user: no sign-in, sessions and API tokens stop working.',
    options: { email: { type: 'string' } },
    required: ['email'],
    async run(context) {
      const user = await setUserDisabled(requiredString(context, 'email'), true);
      context.out(`Disabled ${user.email}.`);
    },
  },
  {
    name: 'user:enable',
    args: '--email E',
    summary: 'Enable a disabled user again.',
    options: { email: { type: 'string' } },
    required: ['email'],
    async run(context) {
      const user = await setUserDisabled(requiredString(context, 'email'), false);
      context.out(`Enabled ${user.email}.`);
    },
  },
  {
    name: 'user:role',
    args: `--email E --role ${roles}`,
    summary: "Change a user's role (ends their sessions).",
    options: { email: { type: 'string' }, role: { type: 'string' } },
    required: ['email', 'role'],
    async run(context) {
      const user = await setUserRole(requiredString(context, 'email'), requiredString(context, 'role'));
      context.out(`${user.email} is now ${user.role}.`);
    },
  },
  {
    name: 'user:password',
    args: '--email E [--password P]',
    summary: "Set a user's password (read from stdin unless --password is given); ends their sessions.",
    options: { email: { type: 'string' }, password: { type: 'string' } },
    required: ['email'],
    async run(context) {
      const email = requiredString(context, 'email');
      const user = await resetPassword(email, await passwordFrom(context));
      context.out(`Password set for ${user.email}.`);
    },
  },
]);
