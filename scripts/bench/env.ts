import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/database/embedded';
import { migrate } from '@/lib/database/migrate';

/**
 * What the benchmark runs against: its own embedded PostgreSQL in a temporary folder, a
 * `next start` of the existing build, and the bare floor server. Everything is stopped
 * and removed at the end.
 */

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next';

export function assertBuilt() {
  if (!existsSync(path.join(ROOT, DIST_DIR, 'BUILD_ID'))) {
    console.error(
      `npm run bench measures the production build, and there is none in ${DIST_DIR}/.\n` +
        'Build first: `npm run build` (or `NEXT_DIST_DIR=.next-bench npx next build`, then run the bench with the same NEXT_DIST_DIR).',
    );
    process.exit(1);
  }
}

export type Database = {
  server: EmbeddedDatabase;
  dir: string;
  postmasterPid: number;
  url: (name: string) => string;
  stop: () => Promise<void>;
};

export async function startDatabase(log: (line: string) => void): Promise<Database> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'casedesk-bench-'));
  const dataDir = path.join(dir, 'pg');
  const server = await startEmbeddedPostgres({ dataDir, persistent: false, log });
  const postmasterPid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const url = (name: string) => {
    const parsed = new URL(server.url);
    parsed.pathname = `/${name}`;
    return parsed.toString();
  };
  return {
    server,
    dir,
    postmasterPid,
    url,
    stop: async () => {
      await server.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A new, migrated database. */
export async function createDatabase(database: Database, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: database.server.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  await migrate(database.url(name));
  return database.url(name);
}

export type Server = { url: string; pid: number; stop: () => Promise<void>; output: () => string };

async function waitUntilUp(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    const response = await fetch(url).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within 90 s:\n${output()}`);
}

function spawnServer(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  healthPath: string,
  port: number,
): Promise<Server> {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return waitUntilUp(`${url}${healthPath}`, child, () => output).then(
    () => ({ url, pid: child.pid!, stop, output: () => output }),
    async (error: unknown) => {
      await stop();
      throw error;
    },
  );
}

export const WEBHOOK_SECRET = randomBytes(32).toString('base64');

export async function startApp(databaseUrl: string, env: Record<string, string>): Promise<Server> {
  const port = await findFreePort();
  return spawnServer(
    path.join(ROOT, 'node_modules/.bin/next'),
    ['start', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_DIST_DIR: DIST_DIR,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      DEBITURA_WEBHOOK_SECRETS: WEBHOOK_SECRET,
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    '/api/health',
    port,
  );
}

export async function startBareServer(
  databaseUrl: string,
  mode: 'pg' | 'prisma' | 'prisma-tx' = 'pg',
): Promise<Server> {
  const port = await findFreePort();
  return spawnServer(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts/bench/bare-server.ts')],
    { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, SECRET: WEBHOOK_SECRET, MODE: mode },
    '/',
    port,
  );
}

/** A worker process (scripts/worker.ts) on the database; resolves once it runs its jobs. */
export async function startWorker(databaseUrl: string, env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/worker.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, CASEDESK_ROLE: 'worker', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const isRunning = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output = (output + chunk).slice(-20_000);
      if (output.includes('running the background jobs')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => reject(new Error(`the worker exited early:\n${output}`)));
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  await isRunning;
  return { url: '', pid: child.pid!, stop, output: () => output };
}
