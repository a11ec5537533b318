/**
 * `npm start` as production runs it: several instances on one database, started at the
 * same moment, all come up and each migration is applied once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@/lib/database/embedded';
import { readMigrationFiles } from '@/lib/database/migrate';
import { createTestDatabase } from '../helpers/database';
import { TEST_AUTH_SECRET } from '../helpers/app-server';

const root = path.resolve(import.meta.dirname, '../..');
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const instances: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await database.pool.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
});
afterAll(async () => {
  await Promise.all(
    instances.map((child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      return new Promise((resolve) => child.once('exit', resolve));
    }),
  );
  await database?.drop();
});

async function startInstance(port: number, extraEnv: Record<string, string | undefined> = {}) {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/serve.ts', 'start'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: database.url,
      AUTH_SECRET: TEST_AUTH_SECRET,
      AUTH_URL: `http://127.0.0.1:${port}`,
      NODE_ENV: 'production',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  instances.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function waitHealthy(port: number, instance: Awaited<ReturnType<typeof startInstance>>) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (instance.child.exitCode !== null) throw new Error(`instance exited:\n${instance.output()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health?db=1`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`instance on ${port} never became healthy:\n${instance.output()}`);
}

describe('npm start, twice at the same moment on one empty database', () => {
  it('brings both up and applies each migration once', async () => {
    const ports = [await findFreePort(), await findFreePort()];
    const started = await Promise.all(ports.map((port) => startInstance(port)));
    await Promise.all(ports.map((port, i) => waitHealthy(port, started[i])));

    const files = await readMigrationFiles();
    const { rows } = await database.pool.query(
      'SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1 ORDER BY 1',
    );
    expect(rows).toEqual(files.map((f) => ({ migration_name: f.name, n: 1 })));
  });
});

describe('npm start without AUTH_URL', () => {
  it('refuses to run on a configured database (cookies would lose Secure)', async () => {
    const instance = await startInstance(await findFreePort(), { AUTH_URL: undefined, NEXTAUTH_URL: undefined });
    const code = await new Promise((resolve) => instance.child.once('exit', resolve));
    expect(code).toBe(1);
    expect(instance.output()).toContain('AUTH_URL must be set');
  });
});
