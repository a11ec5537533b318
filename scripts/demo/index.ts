/**
 * Demo data for `npm run dev` on the embedded database: one user per role (created the
 * first time, printed every start), a fake Collection Partner API for the app to read
 * case detail from and post chat replies to, and demo cases sent through the real webhook
 * route by the simulator, once.
 */
import pg from 'pg';
import { startFakeApi } from '@/lib/simulator/fake-api';
import { generateSimulation, type GenerateOptions } from '@/lib/simulator/generate';
import { sendEvents } from '@/lib/simulator/send';
import { createProgress } from '@/lib/simulator/progress';
import { loadDemoState, saveDemoState, type DemoState } from './state';
import type { Logger } from './types';

export type DemoApi = { url: string | null; close: () => Promise<void>; state: DemoState };

const generation = (state: DemoState): GenerateOptions => ({
  cases: state.cases,
  seed: state.seed,
  test: state.testShare,
  until: new Date(state.until),
});

export async function prepareDemo(env: NodeJS.ProcessEnv, log: Logger): Promise<DemoApi> {
  const state = await loadDemoState();
  await createDemoUsers(env, state, log);

  if (env.DEBITURA_API_URL) {
    log(`DEBITURA_API_URL is set (${env.DEBITURA_API_URL}): not starting the fake Collection Partner API`);
    return { url: null, close: async () => {}, state };
  }
  const api = await startFakeApi({ simulation: generateSimulation(generation(state)), apiKey: state.apiKey });
  env.DEBITURA_API_URL = api.url;
  env.DEBITURA_API_KEY = state.apiKey;
  log(`fake Debitura Collection Partner API on ${api.url} (chat replies land there)`);
  return { url: api.url, close: api.close, state };
}

async function createDemoUsers(env: NodeJS.ProcessEnv, state: DemoState, log: Logger) {
  // lib/db reads DATABASE_URL from this process's environment on first use.
  process.env.DATABASE_URL ??= env.DATABASE_URL;
  const { createUser, findUserByEmail } = await import('@/lib/users/users');
  const { db } = await import('@/lib/db');
  const { closePool } = await import('@/lib/database/pool');
  try {
    for (const user of state.users) {
      if (await findUserByEmail(user.email)) continue;
      await createUser(user);
      log(`created the demo ${user.role} ${user.email}`);
    }
  } finally {
    await db.$disconnect();
    await closePool();
  }
}

export async function loadDemoCases(env: NodeJS.ProcessEnv, port: number, api: DemoApi, log: Logger) {
  try {
    await loadOnce(env, port, api.state, log);
  } catch (error) {
    // The demo is a convenience: a failure is reported, the dev server keeps running.
    log(`demo cases not loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
  printSignIns(api.state, port, log);
}

async function loadOnce(env: NodeJS.ProcessEnv, port: number, state: DemoState, log: Logger) {
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base);
  const caseCount = await countCases(env.DATABASE_URL!);
  // Load into an empty database, or finish a load an earlier start began (resent events are duplicates).
  const isUnfinished = Boolean(state.casesLoadStartedAt && !state.casesLoadedAt);
  if (caseCount > 0 && !isUnfinished) {
    log(`database holds ${caseCount} cases: no demo load`);
  } else {
    await sendDemoCases(env, base, state, log);
  }
}

async function sendDemoCases(env: NodeJS.ProcessEnv, base: string, state: DemoState, log: Logger) {
  const url = `${base}/api/webhooks/debitura`;
  const secret = env.DEBITURA_WEBHOOK_SECRETS?.split(',')[0]?.trim();
  if (!secret) {
    log('no DEBITURA_WEBHOOK_SECRETS: demo cases not loaded');
    return;
  }
  // The first request makes `next dev` compile the route; do it once, not 4 times at once.
  // A GET (405) compiles it without leaving an unsigned delivery in the rejected log.
  await fetch(url, { method: 'GET' }).catch(() => {});
  const events = generateSimulation(generation(state)).events;
  state.casesLoadStartedAt = new Date().toISOString();
  state.casesLoadedAt = undefined;
  await saveDemoState(state);
  log(`sending ${state.cases} demo cases (${events.length} webhook events) through ${url}`);
  const summary = await sendEvents(events, {
    url,
    secret,
    seed: state.seed,
    concurrency: 4,
    retryBaseMs: 250,
    retryMaxMs: 2_000,
    progress: createProgress(process.stderr),
  });
  if (summary.rejected || summary.failed) {
    const sample = summary.results.find((result) => result.outcome === 'rejected' || result.outcome === 'failed');
    log(
      `demo load incomplete: ${summary.rejected} rejected, ${summary.failed} failed (e.g. ${sample?.error ?? sample?.status}); it is retried at the next start`,
    );
    return;
  }
  state.casesLoadedAt = new Date().toISOString();
  await saveDemoState(state);
  log(`demo cases loaded: ${summary.acknowledged} events acknowledged in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
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
