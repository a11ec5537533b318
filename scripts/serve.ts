/**
 * `npm run dev` / `npm start`: make sure there is a migrated database, then run Next and the
 * background jobs, as CASEDESK_ROLE says (lib/jobs/role.ts):
 *   unset   `npm start`: a web server (Next) and one worker process (scripts/worker.ts);
 *           `npm run dev`: one Next dev server that runs the jobs itself (hot reload covers them);
 *   web     Next only;   worker   the worker only;   all   one Next server that runs the jobs.
 *
 * Without DATABASE_URL an embedded PostgreSQL is started in .data/pg (kept between runs).
 * In dev mode it also creates demo users, connects the app to the simulator's fake Debitura
 * API as an admin would on the Debitura page, and has that API deliver demo cases through the
 * real webhook route, the first time only (scripts/demo/).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/database/embedded';
import { loadLocalSecrets } from '@/lib/database/local-secrets';
import { migrate } from '@/lib/database/migrate';
import { configuredRole, type Role } from '@/lib/jobs/role';

const mode = process.argv[2];
if (mode !== 'dev' && mode !== 'start') {
  console.error('usage: tsx scripts/serve.ts dev|start');
  process.exit(2);
}
const isDev = mode === 'dev';
const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, '.data');
const port = Number(process.env.PORT ?? 3000);
const log = (line: string) => console.log(`[casedesk] ${line}`);

let embedded: EmbeddedDatabase | undefined;
const children: ReturnType<typeof spawn>[] = [];
let stopping = false;

/** The processes to run: `web` and `worker` together unless a role was chosen. */
function processesFor(role: Role | null): Role[] {
  if (role) return [role];
  return isDev ? ['all'] : ['web', 'worker'];
}

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { env, stdio: 'inherit' });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} exited (${signal ?? code}); shutting down`);
      void shutdown(code ?? 1);
    }
  });
}

async function main() {
  // No telemetry: these machines have no route to it, and an agency's data stays in-house.
  const env: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: '1', ...process.env, PORT: String(port) };
  const roles = processesFor(configuredRole(env));
  const isServing = roles.some((role) => role !== 'worker');
  if (!env.DATABASE_URL) {
    log('DATABASE_URL is not set: starting the embedded PostgreSQL in .data/pg');
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), log });
    env.DATABASE_URL = embedded.url;
  }
  if (isServing && !isDev && !embedded && !env.AUTH_URL && !env.NEXTAUTH_URL) {
    // Without the public URL next-auth cannot tell it is behind HTTPS: cookies would lose Secure.
    throw new Error('AUTH_URL must be set when DATABASE_URL is, e.g. https://casedesk.example.com (see README).');
  }
  const { applied } = await migrate(env.DATABASE_URL, { log });
  if (!applied.length) log('database schema is up to date');

  // Local runs need no configuration: secrets are made once and kept in .data.
  if (embedded || isDev) {
    const local = await loadLocalSecrets(dataDir);
    env.AUTH_SECRET ??= env.NEXTAUTH_SECRET ?? local.authSecret;
  }
  env.NEXTAUTH_URL ??= env.AUTH_URL ?? `http://localhost:${port}`;
  if (isServing && !env.AUTH_SECRET && !env.NEXTAUTH_SECRET) {
    throw new Error('AUTH_SECRET must be set when DATABASE_URL is (see README, Configuration).');
  }

  const demo = isDev && embedded && isServing ? await import('./demo/index') : undefined;
  const demoApi = demo ? await demo.prepareDemo(env, port, log) : undefined;

  for (const role of roles) {
    const roleEnv = { ...env, CASEDESK_ROLE: role };
    if (role === 'worker') {
      run('worker', process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'worker.ts')], roleEnv);
    } else {
      const nextBin = path.join(root, 'node_modules', '.bin', 'next');
      run('next', nextBin, [isDev ? 'dev' : 'start', '--port', String(port)], roleEnv);
    }
  }
  log(`running: ${roles.join(' + ')} (CASEDESK_ROLE)`);

  if (demo && demoApi) await demo.loadDemoCases(env, port, demoApi, log);
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children
      .filter((child) => child.exitCode === null && child.signalCode === null)
      .map((child) => {
        child.kill('SIGTERM');
        return new Promise((resolve) => child.once('exit', resolve));
      }),
  );
  if (embedded) {
    log('stopping the embedded PostgreSQL');
    await embedded.stop().catch(() => {});
  }
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

main().catch(async (error: unknown) => {
  console.error(`[casedesk] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
