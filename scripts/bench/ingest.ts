import pg from 'pg';
import { startFakeApi } from '@/lib/simulator/fake-api';
import { createDatabase, startApp, startBareServer, WEBHOOK_SECRET, type Database } from './env';
import { createEventSource } from './events';
import { runLoad, type LoadResult } from './load';
import { cpuSeconds, processTree, watchPeakRss } from './proc';

/**
 * Ingest: signed webhook deliveries against `next start` on PostgreSQL at each
 * concurrency, with the two floors measured in the same run on the same machine: the same
 * server's GET /api/health, and a bare node:http server doing the same HMAC check and one
 * INSERT per event. Afterwards: did the applier apply everything, and how long did its
 * backlog take to drain after each burst.
 */

export type Point = LoadResult & { appCpuMsPerRequest: number; dbCpuMsPerRequest: number };

export type IngestReport = {
  health: Point[];
  ingest: (Point & { drainMs: number })[];
  bare: Point[];
  /** --variants: what other designs of the same store cost, measured the same way. */
  variants: { name: string; points: Point[] }[];
  peakRssMiB: number;
  endRssMiB: number;
  statuses: Record<string, number>;
  acknowledged: number;
  stored: number;
  starved: number;
};

export type IngestOptions = {
  concurrencies: number[];
  warmupMs: number;
  durationMs: number;
  variants: boolean;
  log: (line: string) => void;
};

const VARIANT_CONCURRENCIES = [16, 64];

const WEBHOOK = '/api/webhooks/debitura';

export async function benchIngest(database: Database, options: IngestOptions): Promise<IngestReport> {
  const { log } = options;
  const url = await createDatabase(database, 'bench_ingest');
  const sql = new pg.Pool({ connectionString: url, max: 2 });
  await sql.query('CREATE TABLE bench_bare_inbox (LIKE webhook_events INCLUDING ALL)');
  const api = await startFakeApi({ apiKey: 'bench-key' });
  const source = createEventSource({
    secret: WEBHOOK_SECRET,
    seedBase: 900_000,
    onCases: (details) => details.forEach(api.register),
  });

  log('starting next start (production build) on the bench database');
  const app = await startApp(url, { DEBITURA_API_URL: api.url, DEBITURA_API_KEY: 'bench-key' });
  const rss = watchPeakRss(app.pid);
  const acknowledged = new Set<string>();
  // CPU is read at the window's edges, so warm-up requests are not charged to the measured ones.
  const measure = async (
    pids: () => number[],
    run: (onWindow: (edge: 'start' | 'end') => void) => Promise<LoadResult>,
  ): Promise<Point> => {
    const appPids = pids();
    const dbPids = processTree(database.postmasterPid);
    const cpu = { app: 0, db: 0 };
    const result = await run((edge) => {
      const sign = edge === 'start' ? -1 : 1;
      cpu.app += sign * cpuSeconds(appPids);
      cpu.db += sign * cpuSeconds(dbPids);
    });
    const perRequest = (seconds: number) => Math.round((seconds * 1000 * 1000) / Math.max(1, result.requests)) / 1000;
    return { ...result, appCpuMsPerRequest: perRequest(cpu.app), dbCpuMsPerRequest: perRequest(cpu.db) };
  };
  const load = (
    baseUrl: string,
    concurrency: number,
    next: () => ReturnType<typeof source.next>,
    warmupMs = options.warmupMs,
    onWindow?: (edge: 'start' | 'end') => void,
  ) =>
    runLoad({
      baseUrl,
      concurrency,
      warmupMs,
      durationMs: options.durationMs,
      next,
      onWindow,
      onAnswer: (request, status) => {
        if (status === 200 && request.body) acknowledged.add(idOf(request.body));
      },
    });
  const health = () => ({ method: 'GET' as const, path: '/api/health' });
  let expected = 2_000 * ((options.warmupMs + options.durationMs) / 1000);

  try {
    log('warming up (JIT, route chunks, connection pools)');
    source.prepare(8_000);
    await runLoad({ baseUrl: app.url, concurrency: 8, warmupMs: 0, durationMs: 2_000, next: health });
    await load(app.url, 8, () => source.next(WEBHOOK), 0);
    await waitForDrain(sql, 120_000);

    const report: IngestReport = {
      health: [],
      ingest: [],
      bare: [],
      variants: [],
      peakRssMiB: 0,
      endRssMiB: 0,
      statuses: {},
      acknowledged: 0,
      stored: 0,
      starved: 0,
    };
    for (const concurrency of options.concurrencies) {
      const healthPoint = await measure(
        () => processTree(app.pid),
        (onWindow) => load(app.url, concurrency, health, options.warmupMs, onWindow),
      );
      report.health.push(healthPoint);
      log(
        `health  c=${concurrency}: ${healthPoint.perSecond.toFixed(0)}/s p50 ${healthPoint.p50.toFixed(1)} ms p99 ${healthPoint.p99.toFixed(1)} ms`,
      );

      source.prepare(Math.ceil(expected * 1.3));
      const point = await measure(
        () => processTree(app.pid),
        (onWindow) => load(app.url, concurrency, () => source.next(WEBHOOK), options.warmupMs, onWindow),
      );
      const drainMs = await waitForDrain(sql, 180_000);
      report.ingest.push({ ...point, drainMs });
      expected = Math.max(expected, point.perSecond * ((options.warmupMs + options.durationMs) / 1000));
      log(
        `ingest  c=${concurrency}: ${point.perSecond.toFixed(0)}/s p50 ${point.p50.toFixed(1)} ms p99 ${point.p99.toFixed(1)} ms, backlog drained ${drainMs} ms after the load`,
      );
    }
    report.peakRssMiB = rss.peak();
    report.endRssMiB = rss.now();
    const { rows } = await sql.query<{ status: string; count: number }>(
      'SELECT status, count(*)::int AS count FROM webhook_events GROUP BY status',
    );
    report.statuses = Object.fromEntries(rows.map((row) => [row.status, row.count]));
    report.stored = rows.reduce((sum, row) => sum + row.count, 0);
    report.acknowledged = acknowledged.size;
    const missing = await countMissing(sql, [...acknowledged]);
    if (missing) throw new Error(`${missing} acknowledged events are not in webhook_events`);
    rss.stop();
    await app.stop();

    log('starting the bare node:http + pg floor server');
    const bare = await startBareServer(url);
    try {
      await load(bare.url, 8, () => source.next(WEBHOOK), 0);
      for (const concurrency of options.concurrencies) {
        source.prepare(Math.ceil(expected * 2));
        const point = await measure(
          () => processTree(bare.pid),
          (onWindow) => load(bare.url, concurrency, () => source.next(WEBHOOK), options.warmupMs, onWindow),
        );
        report.bare.push(point);
        expected = Math.max(expected, point.perSecond * ((options.warmupMs + options.durationMs) / 1000));
        log(
          `bare    c=${concurrency}: ${point.perSecond.toFixed(0)}/s p50 ${point.p50.toFixed(1)} ms p99 ${point.p99.toFixed(1)} ms`,
        );
      }
    } finally {
      await bare.stop();
    }
    if (options.variants) {
      const measureServer = async (
        name: string,
        start: () => Promise<{ url: string; pid: number; stop: () => Promise<void> }>,
      ) => {
        const server = await start();
        try {
          await load(server.url, 8, () => source.next(WEBHOOK), 0);
          const points: Point[] = [];
          for (const concurrency of VARIANT_CONCURRENCIES) {
            source.prepare(Math.ceil(expected * 2));
            points.push(
              await measure(
                () => processTree(server.pid),
                (onWindow) => load(server.url, concurrency, () => source.next(WEBHOOK), options.warmupMs, onWindow),
              ),
            );
            log(
              `${name} c=${concurrency}: ${points.at(-1)!.perSecond.toFixed(0)}/s p99 ${points.at(-1)!.p99.toFixed(1)} ms`,
            );
          }
          report.variants.push({ name, points });
        } finally {
          await server.stop();
        }
      };
      await measureServer('bare, one Prisma createMany per event', () => startBareServer(url, 'prisma'));
      await measureServer('bare, interactive Prisma transaction (store + mark applied)', () =>
        startBareServer(url, 'prisma-tx'),
      );
      await measureServer('next start with the applier off (CASEDESK_JOBS=off)', () =>
        startApp(url, { DEBITURA_API_URL: api.url, DEBITURA_API_KEY: 'bench-key', CASEDESK_JOBS: 'off' }),
      );
    }
    report.starved = source.starved();
    return report;
  } finally {
    rss.stop();
    await app.stop();
    await api.close();
    await sql.end();
  }
}

function idOf(body: Buffer): string {
  // The id is the first field the simulator writes: {"id":"<uuid>",...
  return body.toString('latin1', 7, 43);
}

async function waitForDrain(sql: pg.Pool, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const { rows } = await sql.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM webhook_events WHERE status = 'received'",
    );
    if (rows[0].count === 0) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the applier did not drain its backlog within ${timeoutMs / 1000} s`);
}

async function countMissing(sql: pg.Pool, ids: string[]): Promise<number> {
  const { rows } = await sql.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM unnest($1::text[]) AS a(id) WHERE NOT EXISTS (SELECT 1 FROM webhook_events w WHERE w.id = a.id)',
    [ids],
  );
  return rows[0].count;
}
