/**
 * Demo data for `npm run dev` on the embedded database: one user per role (created the
 * first time, printed every start), a fake Collection Partner API that the app is connected
 * to through the Debitura page's own code (API key stored, webhook registered: see
 * connect.ts), and demo cases the fake API delivers through the real webhook route, signed
 * with the secret it issued, once.
 */
import pg from 'pg';
import { startFakeApi, type FakeApi } from '@/lib/simulator/fake-api';
import { generateSimulation, type GenerateOptions } from '@/lib/simulator/generate';
import { createProgress } from '@/lib/simulator/progress';
import { WEBHOOK_PATH } from '@/lib/debitura/webhook-url';
import { connectDemo, type DemoConnection } from './connect';
import { loadDemoState, saveDemoState, type DemoState } from './state';
import type { Logger } from './types';

export type DemoApi = { api: FakeApi | null; connection: DemoConnection | null; state: DemoState };

const generation = (state: DemoState): GenerateOptions => ({
  cases: state.cases,
  seed: state.seed,
  test: state.testShare,
  until: new Date(state.until),
});

/**
 * Before the app starts: demo users, the fake API, and the connection to it. `env` is the
 * app's environment; the connection code runs here, so this process gets the same database,
 * encryption key (AUTH_SECRET) and API URL.
 */
export async function prepareDemo(env: NodeJS.ProcessEnv, port: number, log: Logger): Promise<DemoApi> {
  const state = await loadDemoState();
  if (env.DEBITURA_API_URL) {
    log(`DEBITURA_API_URL is set (${env.DEBITURA_API_URL}): no fake Debitura API; connect on /admin/debitura`);
    await withDatabase(env, () => createDemoUsers(state, log));
    return { api: null, connection: null, state };
  }
  if (env.DEBITURA_API_KEY) {
    log('DEBITURA_API_KEY is ignored: the demo connects to the fake Debitura API with its own key');
    delete env.DEBITURA_API_KEY;
  }
  // Actions taken in Casedesk come back as webhooks through the subscription, as Debitura's do.
  const api = await startFakeApi({
    simulation: generateSimulation(generation(state)),
    apiKey: state.apiKey,
    confirmThroughSubscriptions: true,
  });
  env.DEBITURA_API_URL = api.url;
  state.fakeApiUrl = api.url;
  await saveDemoState(state);
  log(`fake Debitura Collection Partner API on ${api.url}`);
  const webhookUrl = `http://127.0.0.1:${port}${WEBHOOK_PATH}`;
  const connection = await withDatabase(env, async () => {
    await createDemoUsers(state, log);
    return connectDemo(state.apiKey, webhookUrl, log).catch((error: unknown) => {
      log(`could not connect to the fake Debitura API: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
  });
  return { api, connection, state };
}

/** Runs `work` with this process's environment pointed where the app's is, then closes its connections. */
async function withDatabase<T>(env: NodeJS.ProcessEnv, work: () => Promise<T>): Promise<T> {
  // lib/db, the encryption of stored secrets and the API client read this process's environment.
  for (const name of ['DATABASE_URL', 'AUTH_SECRET', 'DEBITURA_API_URL'] as const) {
    if (env[name]) process.env[name] = env[name];
  }
  delete process.env.DEBITURA_API_KEY;
  const { db } = await import('@/lib/db');
  const { closePool } = await import('@/lib/database/pool');
  try {
    return await work();
  } finally {
    await db.$disconnect();
    await closePool();
  }
}

async function createDemoUsers(state: DemoState, log: Logger) {
  const { createUser, findUserByEmail } = await import('@/lib/users/users');
  for (const user of state.users) {
    if (await findUserByEmail(user.email)) continue;
    await createUser(user);
    log(`created the demo ${user.role} ${user.email}`);
  }
}

export async function loadDemoCases(env: NodeJS.ProcessEnv, port: number, demo: DemoApi, log: Logger) {
  try {
    await loadOnce(env, port, demo, log);
  } catch (error) {
    // The demo is a convenience: a failure is reported, the dev server keeps running.
    log(`demo cases not loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
  printSignIns(demo.state, port, log);
}

async function loadOnce(env: NodeJS.ProcessEnv, port: number, demo: DemoApi, log: Logger) {
  if (!demo.api || !demo.connection) return;
  await waitForHealth(`http://127.0.0.1:${port}`);
  const caseCount = await countCases(env.DATABASE_URL!);
  // Load into an empty database, or finish a load an earlier start began (delivered again, they are duplicates).
  const isUnfinished = Boolean(demo.state.casesLoadStartedAt && !demo.state.casesLoadedAt);
  if (caseCount > 0 && !isUnfinished) {
    log(`database holds ${caseCount} cases: no demo load`);
  } else {
    await deliverDemoCases(demo.api, demo.connection, demo.state, log);
  }
}

/** The fake API delivers the demo's webhook events to our subscription, as Debitura would, and we wait for them. */
async function deliverDemoCases(api: FakeApi, connection: DemoConnection, state: DemoState, log: Logger) {
  // The first request makes `next dev` compile the route; do it once, not 4 times at once.
  // A GET (405) compiles it without leaving an unsigned delivery in the rejected log.
  await fetch(connection.webhookUrl, { method: 'GET' }).catch(() => {});
  const events = generateSimulation(generation(state)).events;
  state.casesLoadStartedAt = new Date().toISOString();
  state.casesLoadedAt = undefined;
  await saveDemoState(state);
  log(`the fake Debitura API delivers ${state.cases} demo cases (${events.length} webhook events) to the webhook`);
  const started = Date.now();
  const ids = new Set(events.map((event) => event.id));
  const ours = () =>
    api.connection
      .eventLog()
      .filter((entry) => entry.subscriptionId === connection.subscriptionId && ids.has(entry.id));
  const progress = createProgress(process.stderr);
  const report = setInterval(() => {
    const delivered = ours().filter((entry) => entry.deliveredAt).length;
    progress.update(`delivered ${delivered}/${events.length} events`);
  }, 250);
  try {
    api.connection.produce(events);
    await api.connection.settled();
  } finally {
    clearInterval(report);
  }
  const logged = ours();
  const undelivered = logged.filter((entry) => !entry.deliveredAt);
  progress.done(`delivered ${logged.length - undelivered.length}/${events.length} events`);
  if (undelivered.length || logged.length < events.length) {
    const sample = undelivered[0]?.lastError ?? 'not delivered';
    log(
      `demo load incomplete: ${undelivered.length} events not delivered (e.g. ${sample}); it is retried at the next start`,
    );
    return;
  }
  state.casesLoadedAt = new Date().toISOString();
  await saveDemoState(state);
  log(`demo cases loaded: ${events.length} events delivered in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function printSignIns(state: DemoState, port: number, log: Logger) {
  log(`sign in at http://localhost:${port}/login with one of the demo users (local only):`);
  for (const user of state.users) log(`  ${user.role.padEnd(9)} ${user.email.padEnd(28)} ${user.password}`);
}

async function countCases(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>('SELECT count(*)::int AS count FROM cases');
    return rows[0].count;
  } finally {
    await client.end();
  }
}

async function waitForHealth(base: string) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${base}/api/health`).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${base}/api/health did not answer within 3 minutes`);
}
