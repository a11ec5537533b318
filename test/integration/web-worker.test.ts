/**
 * Web and worker processes (CASEDESK_ROLE). `npm start` runs a web server and a worker, a
 * plain Node process (scripts/worker.ts, no Next), which applies what the web server stores;
 * a web-only server applies nothing itself; more workers can join on the same database and
 * every event is still applied exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { findFreePort } from '@/lib/database/embedded';
import { KICK_CHANNEL } from '@/lib/jobs/remote-kick';
import { startApp, TEST_AUTH_SECRET } from '../helpers/app-server';
import { createTestDatabase } from '../helpers/database';
import { envelope, sendWebhookRetrying, TEST_WEBHOOK_SECRET, waitFor, waitForInboxDrained } from '../helpers/webhooks';

const root = path.resolve(import.meta.dirname, '../..');
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const started: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await Promise.all(started.map(stop));
  await database?.drop();
});

function stop(child: ChildProcess): Promise<unknown> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  child.kill('SIGTERM');
  return new Promise((resolve) => child.once('exit', resolve));
}

/** `npm start` as production runs it (node --import tsx scripts/serve.ts start). */
function npmStart(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'start'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: TEST_AUTH_SECRET,
      AUTH_URL: `http://127.0.0.1:${env.PORT ?? 3000}`,
      DEBITURA_WEBHOOK_SECRETS: TEST_WEBHOOK_SECRET,
      NODE_ENV: 'production',
      CASEDESK_ROLE: '',
      CASEDESK_JOBS: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

/** A process's descendants with their command lines. */
function descendants(pid: number): { pid: number; command: string }[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  return children.flatMap((child) => {
    const command = readFileSync(`/proc/${child}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    return [{ pid: Number(child), command }, ...descendants(Number(child))];
  });
}

const isAlive = (pid: number) => existsSync(`/proc/${pid}`);

async function statusOf(id: string): Promise<string | undefined> {
  const { rows } = await database.pool.query('SELECT status FROM webhook_events WHERE id = $1', [id]);
  return rows[0]?.status;
}

const assigned = (reference: string) => envelope('case.assigned', { reference, lifecycle: 'Active' });

describe('npm start', () => {
  it('runs a web server and a separate worker process that applies what the web server stores', async () => {
    const port = await findFreePort();
    const app = npmStart({ PORT: String(port) });
    const url = `http://127.0.0.1:${port}`;
    await waitFor(
      async () => {
        if (app.child.exitCode !== null) throw new Error(`npm start exited:\n${app.output()}`);
        return fetch(`${url}/api/health`).then(
          (response) => response.ok,
          () => false,
        );
      },
      90_000,
      'npm start to answer',
    );
    const processes = descendants(app.child.pid!);
    const commands = processes.map((process) => process.command);
    expect(commands.some((command) => command.includes('scripts/worker.ts'))).toBe(true);
    expect(commands.some((command) => /next(-server| start)/.test(command))).toBe(true);

    const event = assigned('SPLIT-1');
    expect((await sendWebhookRetrying(url, event)).status).toBe(200);
    // The web process passes its kick to the worker (NOTIFY), so this takes well under the 1 s poll.
    await waitFor(async () => (await statusOf(event.id)) === 'applied', 10_000, 'the worker to apply the event');
    // Stopping npm start stops both of its processes.
    await stop(app.child);
    await waitFor(async () => !processes.some((process) => isAlive(process.pid)), 10_000, 'the children to exit');
  }, 180_000);
});

describe('a web-only server and any number of workers', () => {
  it('leaves applying to the workers, and two workers share a stream applying each event once', async () => {
    const web = await startApp({
      databaseUrl: database.url,
      env: { DEBITURA_WEBHOOK_SECRETS: TEST_WEBHOOK_SECRET, CASEDESK_ROLE: 'web' },
    });
    try {
      // A web-only server stores the event and passes the kick to the workers; nobody else
      // listens for it, so once the kick has gone out the event is still waiting.
      const listener = new pg.Client({ connectionString: database.url });
      await listener.connect();
      const kicks: string[] = [];
      listener.on('notification', (message) => kicks.push(message.payload ?? ''));
      await listener.query(`LISTEN ${KICK_CHANNEL}`);
      const first = assigned('WEB-ONLY-1');
      try {
        expect((await sendWebhookRetrying(web.url, first)).status).toBe(200);
        await waitFor(async () => kicks.length > 0, 10_000, 'the web process to kick the workers');
        const { rows: listening } = await database.pool.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = $1 AND pid <> $2`,
          [`LISTEN ${KICK_CHANNEL}`, (await listener.query('SELECT pg_backend_pid() AS pid')).rows[0].pid],
        );
        expect(listening[0].n).toBe(0);
        expect(await statusOf(first.id)).toBe('received');
      } finally {
        await listener.end();
      }

      const workers = [npmStart({ CASEDESK_ROLE: 'worker' }), npmStart({ CASEDESK_ROLE: 'worker' })];
      await waitFor(async () => (await statusOf(first.id)) === 'applied', 30_000, 'a worker to apply the backlog');
      for (const worker of workers) expect(worker.child.exitCode).toBeNull();

      const events = Array.from({ length: 120 }, (_, i) => assigned(`MANY-${i % 30}`));
      for (let i = 0; i < events.length; i += 20) {
        const answers = await Promise.all(events.slice(i, i + 20).map((event) => sendWebhookRetrying(web.url, event)));
        expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
      }
      await waitForInboxDrained(database.pool, 30_000);
      const ids = [first, ...events].map((event) => event.id);
      const { rows } = await database.pool.query(
        `SELECT (SELECT count(*)::int FROM webhook_events WHERE status = 'applied' AND id = ANY($1::text[])) AS applied,
           (SELECT count(*)::int FROM case_events WHERE event_id = ANY($1::text[])) AS timeline,
           (SELECT count(*)::int FROM cases WHERE reference LIKE 'MANY-%') AS cases`,
        [ids],
      );
      expect(rows[0]).toEqual({ applied: 121, timeline: 121, cases: 30 });
      await Promise.all(workers.map((worker) => stop(worker.child)));
    } finally {
      await web.stop();
    }
  }, 180_000);
});
