import type { ParseArgsConfig } from 'node:util';

/**
 * The admin CLI's building blocks. A command group is a file in scripts/admin/ whose
 * default export is a `Command[]`; scripts/admin/groups.ts lists the groups.
 */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

export type CommandContext = {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** Normal output (stdout): results meant for people and scripts. */
  out: (line: string) => void;
  /** Notes and progress (stderr), so stdout stays parseable. */
  note: (line: string) => void;
  /** Reads a secret: from a TTY without echo, else the first line of stdin. */
  readSecret: (prompt: string) => Promise<string>;
};

export type Command = {
  name: string;
  /** Arguments as shown in the usage line, e.g. `--email E [--name N]`. */
  args: string;
  summary: string;
  options: CommandOptions;
  /** Options that must be present (checked before `run`). */
  required?: string[];
  run: (context: CommandContext) => Promise<void>;
};

/** Wrong or missing arguments: the CLI prints the usage and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A clear failure of an otherwise valid command (unknown email...): exit 1. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

export function defineCommands(commands: Command[]): Command[] {
  return commands;
}

export function stringValue(context: CommandContext, name: string): string | undefined {
  const value = context.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredString(context: CommandContext, name: string): string {
  const value = stringValue(context, name);
  if (value === undefined || value === '') throw new UsageError(`--${name} is required.`);
  return value;
}
