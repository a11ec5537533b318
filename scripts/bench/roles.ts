import pg from 'pg';
import { startFakeApi } from '@/lib/simulator/fake-api';
import { createDatabase, startApp, startWorker, WEBHOOK_SECRET, type Database, type Server } from './env';
import { createEventSource } from './events';
import { runLoad, type LoadResult } from './load';
import { cpuSeconds, processTree } from './proc';

/**
 * Web and worker processes against one process doing both (CASEDESK_ROLE): signed webhook
 * ingest at each concurrency on a fresh database per layout, in the same run, alternating the
 * layouts (all, split, all, split...) so a drift of the shared machine hits both alike. For
 * each point: events/s, latency, the time the backlog took to drain after the burst, and CPU
 * per event of the web process(es), the worker and PostgreSQL.
 */

export type Layout = 'all' | 'split';
export type RolesPoint = LoadResult & {
  layout: Layout;
  round: number;
  drainMs: number;
  webCpuMs: number;
  workerCpuMs: number;
  dbCpuMs: number;
};

const WEBHOOK = '/api/webhooks/debitura';

export async function benchRoles(
  database: Database,
  options: {
    concurrencies: number[];
    warmupMs: number;
    durationMs: number;
    rounds: number;
    log: (line: string) => void;
  },
): Promise<RolesPoint[]> {
  const { log } = options;
  const api = await startFakeApi({ apiKey: 'bench-key' });
  const source = createEventSource({
    secret: WEBHOOK_SECRET,
    seedBase: 700_000,
    onCases: (details) => details.forEach(api.register),
  });
  const apiEnv = { DEBITURA_API_URL: api.url, DEBITURA_API_KEY: 'bench-key' };
  const points: RolesPoint[] = [];
  try {
    for (let round = 1; round <= options.rounds; round++) {
      for (const layout of ['all', 'split'] as const) {
        const url = await createDatabase(database, `bench_roles_${layout}_${round}`);
        const sql = new pg.Pool({ connectionString: url, max: 2 });
        log(`round ${round}: ${layout === 'all' ? 'one process (CASEDESK_ROLE=all)' : 'web + worker'}`);
        const web = await startApp(url, { ...apiEnv, CASEDESK_ROLE: layout === 'all' ? 'all' : 'web' });
        let worker: Server | undefined;
        try {
          if (layout === 'split') worker = await startWorker(url, apiEnv);
          source.prepare(8_000);
          await runLoad({
            baseUrl: web.url,
            concurrency: 8,
            warmupMs: 0,
            durationMs: 2_000,
            next: () => source.next(WEBHOOK),
          });
          await waitForDrain(sql);
          for (const concurrency of options.concurrencies) {
            source.prepare(Math.ceil(3_000 * ((options.warmupMs + options.durationMs) / 1000)));
            const trees = {
              web: processTree(web.pid),
              worker: worker ? processTree(worker.pid) : [],
              db: processTree(database.postmasterPid),
            };
            const cpu = { web: 0, worker: 0, db: 0 };
            const result = await runLoad({
              baseUrl: web.url,
              concurrency,
              warmupMs: options.warmupMs,
              durationMs: options.durationMs,
              next: () => source.next(WEBHOOK),
              onWindow: (edge) => {
                const sign = edge === 'start' ? -1 : 1;
                cpu.web += sign * cpuSeconds(trees.web);
                cpu.worker += sign * cpuSeconds(trees.worker);
                cpu.db += sign * cpuSeconds(trees.db);
              },
            });
            const drainMs = await waitForDrain(sql);
            const perEvent = (seconds: number) => Math.round((seconds * 1e6) / Math.max(1, result.requests)) / 1000;
            points.push({
              ...result,
              layout,
              round,
              drainMs,
              webCpuMs: perEvent(cpu.web),
              workerCpuMs: perEvent(cpu.worker),
              dbCpuMs: perEvent(cpu.db),
            });
            log(
              `${layout.padEnd(5)} c=${concurrency}: ${result.perSecond.toFixed(0)}/s p50 ${result.p50.toFixed(1)} ms p99 ${result.p99.toFixed(1)} ms, drained ${drainMs} ms after`,
            );
          }
        } finally {
          await worker?.stop();
          await web.stop();
          await sql.end();
        }
      }
    }
    return points;
  } finally {
    await api.close();
  }
}

async function waitForDrain(sql: pg.Pool, timeoutMs = 180_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const { rows } = await sql.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM webhook_events WHERE status = 'received'",
    );
    if (rows[0].count === 0) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the backlog did not drain within ${timeoutMs / 1000} s`);
}
