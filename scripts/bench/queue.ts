import pg from 'pg';
import { createDatabase, type Database } from './env';
import { loadPagesFixture } from './pages-fixture';
import { installPlanRecorder } from './plans';
import { loadQueueFixture, QUEUE_COLLECTOR_EMAIL, vacuumQueueTables } from './queue-fixture';
import { summarize } from './stats';
import type { QueryTiming } from './pages';

/**
 * The work queue (lib/work/queue.ts) over the pages fixture (100,000 cases) plus the queue
 * fixture (a collector with 5,000 open cases, follow-ups, promises, progress notes): first
 * the derivation of every case's stored work items (as after the migration), then the queue
 * timed as the page, the navigation count and the JSON API call it. With `legacy`, the two
 * implementations before it are timed in the same run for comparison: the one statement that
 * derived the items per request (scripts/bench/queue-per-request.ts) and the JavaScript
 * deadlines before that (scripts/bench/queue-legacy.ts, fewer runs: it takes seconds each).
 */

export type QueueReport = { cases: number; loadSeconds: number; deriveSeconds: number; timings: QueryTiming[] };

export async function benchQueue(
  database: Database,
  options: { cases: number; runs: number; legacy: boolean; log: (line: string) => void },
): Promise<QueueReport> {
  const { log } = options;
  const url = await createDatabase(database, 'bench_queue');
  log(`loading ${options.cases.toLocaleString('en')} cases and the queue fixture`);
  const loadStarted = Date.now();
  await loadPagesFixture(url, options.cases, log);
  await loadQueueFixture(url);
  const loadSeconds = (Date.now() - loadStarted) / 1000;

  process.env.DATABASE_URL = url;
  const plans = installPlanRecorder(url);
  const { getQueue } = await import('@/lib/work/queue');
  const { refreshWorkItems } = await import('@/lib/work/work-items');
  const { getLegacyQueue } = await import('./queue-legacy');
  const { getPerRequestQueue } = await import('./queue-per-request');
  const { db } = await import('@/lib/db');
  const { closePool } = await import('@/lib/database/pool');

  const deriveStarted = Date.now();
  const derived = await refreshWorkItems();
  const deriveSeconds = (Date.now() - deriveStarted) / 1000;
  log(`derived the work items of ${derived.toLocaleString('en')} cases in ${deriveSeconds.toFixed(1)} s`);
  await vacuumQueueTables(url);

  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  const person = async (where: string) => (await sql.query<{ id: string; role: string }>(where)).rows[0];
  const collector = await person(`SELECT id, role FROM users WHERE email = '${QUEUE_COLLECTOR_EMAIL}'`);
  const manager = await person("SELECT id, role FROM users WHERE email = 'manager@bench.example'");
  await sql.end();

  const cases: [string, () => Promise<number>, number][] = [
    ['queue page, collector (200 soonest + counts)', async () => (await getQueue(collector)).total, options.runs],
    ['navigation count, collector', async () => (await getQueue(collector, { limit: 0 })).dueTodayCount, options.runs],
    [
      'API ?limit=5000, collector',
      async () => (await getQueue(collector, { limit: 5_000 })).items.length,
      Math.min(options.runs, 10),
    ],
    ['queue page, manager (the whole team)', async () => (await getQueue(manager)).total, options.runs],
  ];
  if (options.legacy) {
    cases.push(
      ['before: derived per request, collector (page)', async () => (await getPerRequestQueue(collector)).total, 10],
      ['before: derived per request, manager (page)', async () => (await getPerRequestQueue(manager)).total, 10],
      ['before: JS deadlines, collector', async () => (await getLegacyQueue(collector)).items.length, 3],
      ['before: JS deadlines, manager', async () => (await getLegacyQueue(manager)).items.length, 3],
    );
  }

  const timings: QueryTiming[] = [];
  for (const [name, run, runs] of cases) {
    let rows = 0;
    for (let i = 0; i < Math.min(3, runs); i++) rows = await run();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await run();
      samples.push(performance.now() - started);
    }
    const stats = summarize(samples);
    const plan = plans ? await plans.explain(await plans.record(run)) : 'not recorded';
    timings.push({ name, runs, median: stats.median, p95: stats.p95, rows, plan });
    log(`  ${name}: median ${stats.median.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms (${rows}; ${plan})`);
  }
  await db.$disconnect();
  await closePool();
  return { cases: options.cases, loadSeconds, deriveSeconds, timings };
}
