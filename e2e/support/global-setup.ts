/**
 * Before the browser tests: a throwaway embedded PostgreSQL, migrated, with one user per
 * role; then `next start` on the build (NEXT_DIST_DIR or .next) on a free port. The
 * returned function tears it all down. Tests find the server in E2E_BASE_URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findFreePort, startEmbeddedPostgres } from '@/lib/database/embedded';
import { migrate } from '@/lib/database/migrate';
import { startCaseFixtures, type CaseFixtures } from './seed';
import { E2E_AUTH_SECRET, E2E_USERS, E2E_WEBHOOK_SECRET } from './users';

const root = path.resolve(import.meta.dirname, '../..');

export default async function globalSetup() {
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  if (!existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    throw new Error(`No production build in ${distDir}: run \`npm run build\` (with the same NEXT_DIST_DIR) first.`);
  }
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'casedesk-e2e-'));
  const database = await startEmbeddedPostgres({ dataDir: path.join(tempDir, 'pg'), persistent: false });
  let server: ChildProcess | undefined;
  // Cases workspace: fake Collection Partner API + simulator stream (see seed.ts).
  let cases: CaseFixtures | undefined;

  const teardown = async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await cases?.stop();
    await database.stop().catch(() => {});
    await rm(tempDir, { recursive: true, force: true });
  };

  try {
    await migrate(database.url);
    process.env.DATABASE_URL = database.url;
    const { createUser } = await import('@/lib/users/users');
    for (const user of Object.values(E2E_USERS)) await createUser(user);
    const { db } = await import('@/lib/db');
    await db.$disconnect();

    const port = await findFreePort();
    const url = `http://127.0.0.1:${port}`;
    cases = await startCaseFixtures();
    server = spawn(
      path.join(root, 'node_modules/.bin/next'),
      ['start', '--port', String(port), '--hostname', '127.0.0.1'],
      {
        cwd: root,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          DATABASE_URL: database.url,
          AUTH_SECRET: E2E_AUTH_SECRET,
          NEXTAUTH_URL: url,
          DEBITURA_WEBHOOK_SECRETS: E2E_WEBHOOK_SECRET,
          ...cases.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    server.stdout?.on('data', (chunk) => (output += chunk));
    server.stderr?.on('data', (chunk) => (output += chunk));
    await waitForHealth(url, server, () => output);
    await cases.seed(url, E2E_WEBHOOK_SECRET);
    process.env.E2E_BASE_URL = url;
    process.env.E2E_DATABASE_URL = database.url;
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${output()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`next start did not become healthy within 90 s:\n${output()}`);
}
