import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findFreePort } from '@/lib/database/embedded';

/**
 * A real `next start` of the built app (run `npm run build` first), on its own port and
 * database, so tests speak HTTP to the real route handlers. The integration tests start one
 * per file; the e2e global setup starts the one the browser tests share.
 */
export type AppServer = {
  url: string;
  process: ChildProcess;
  /** Graceful stop (SIGTERM). */
  stop: () => Promise<void>;
  /** Simulates a crash: SIGKILL, no cleanup. */
  kill: () => Promise<void>;
  output: () => string;
};

export const TEST_AUTH_SECRET = 'test-auth-secret-not-for-production-000000';

const root = path.resolve(import.meta.dirname, '../..');
const distDir = process.env.NEXT_DIST_DIR ?? '.next';

export async function startApp(options: {
  databaseUrl: string;
  env?: Record<string, string>;
  /** Default: a free one. A restarted app passes its old port, so URLs registered elsewhere keep working. */
  port?: number;
}): Promise<AppServer> {
  if (!existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    throw new Error(`No production build in ${distDir}: run \`npm run build\` (with the same NEXT_DIST_DIR) first.`);
  }
  const port = options.port ?? (await findFreePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    path.join(root, 'node_modules/.bin/next'),
    ['start', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: options.databaseUrl,
        AUTH_SECRET: TEST_AUTH_SECRET,
        NEXTAUTH_URL: url,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  await waitForHealth(url, child, () => output);
  return {
    url,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  // Generous: a cold start on a busy two-core machine.
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  child.kill('SIGKILL');
  throw new Error(`next start did not become healthy within 90 s:\n${output()}`);
}
