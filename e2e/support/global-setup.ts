/**
 * Before the browser tests: a throwaway embedded PostgreSQL, migrated, with one user per
 * role; then `next start` on the build (NEXT_DIST_DIR or .next) on a free port, started as the
 * integration tests start it. The returned function tears it all down. Tests find the server
 * in E2E_BASE_URL.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@/lib/database/embedded';
import { migrate } from '@/lib/database/migrate';
import { startApp, type AppServer } from '@/test/helpers/app-server';
import { startCaseFixtures, type CaseFixtures } from './seed';
import { E2E_AUTH_SECRET, E2E_USERS, E2E_WEBHOOK_SECRET } from './users';

export default async function globalSetup() {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'casedesk-e2e-'));
  const database = await startEmbeddedPostgres({ dataDir: path.join(tempDir, 'pg'), persistent: false });
  let server: AppServer | undefined;
  // Cases workspace: fake Collection Partner API + simulator stream (see seed.ts).
  let cases: CaseFixtures | undefined;

  const teardown = async () => {
    await server?.stop();
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

    cases = await startCaseFixtures();
    server = await startApp({
      databaseUrl: database.url,
      env: { AUTH_SECRET: E2E_AUTH_SECRET, DEBITURA_WEBHOOK_SECRETS: E2E_WEBHOOK_SECRET, ...cases.env },
    });
    await cases.seed(server.url, E2E_WEBHOOK_SECRET);
    process.env.E2E_BASE_URL = server.url;
    process.env.E2E_DATABASE_URL = database.url;
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
