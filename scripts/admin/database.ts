import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The database the CLI works on: DATABASE_URL, or else the embedded one of `npm run dev`
 * in .data/pg: the running server when dev is up (read from postmaster.pid), otherwise a
 * server started just for this command.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = path.join(root, '.data', 'pg');
// Matches lib/database/embedded.ts (loopback only).
const EMBEDDED_URL = (port: number) => `postgresql://postgres:casedesk-local@127.0.0.1:${port}/casedesk`;

export async function openDatabase(note: (line: string) => void): Promise<{ close: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { close: async () => {} };
  const runningPort = runningEmbeddedPort();
  if (runningPort) {
    process.env.DATABASE_URL = EMBEDDED_URL(runningPort);
    return { close: async () => {} };
  }
  note('DATABASE_URL is not set: using the embedded PostgreSQL in .data/pg');
  // Loaded only here: the embedded server's package is heavy and hooks process exit.
  const { startEmbeddedPostgres } = await import('@/lib/database/embedded');
  const { migrate } = await import('@/lib/database/migrate');
  const embedded = await startEmbeddedPostgres({ dataDir });
  await migrate(embedded.url);
  process.env.DATABASE_URL = embedded.url;
  return { close: () => embedded.stop() };
}

function runningEmbeddedPort(): number | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
    return port;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? port : null;
  }
}
