import http from 'node:http';
import pg from 'pg';
import { closePool } from '@/lib/database/pool';
import { db } from '@/lib/db';
import { startFakeApi } from '@/lib/simulator/fake-api';
import { createUser } from '@/lib/users/users';
import { signInOverHttp } from '@/test/helpers/auth-http';
import { createDatabase, startApp, startWorker, WEBHOOK_SECRET, type Database } from './env';
import { createEventSource } from './events';
import { send, type LoadRequest } from './load';
import { processTree, rssMiB } from './proc';

/**
 * Memory soak: `npm start`'s layout (a web process and a worker) under webhook ingest at a
 * steady rate while a signed-in manager reads pages (the case list and case pages), for
 * `minutes`. RSS of each process tree is sampled every 10 s; the report gives the curve and,
 * after the warm-up, its slope (MiB per minute) by least squares: flat means no leak.
 */

export type SoakSample = {
  atS: number;
  webMiB: number;
  workerMiB: number;
  backlog: number;
  events: number;
  pages: number;
};
export type SoakReport = {
  minutes: number;
  eventsPerSecond: number;
  pageReadsPerSecond: number;
  samples: SoakSample[];
  warmupMinutes: number;
  slopes: { webMiBPerMin: number; workerMiBPerMin: number };
  errors: number;
  statuses: Record<string, number>;
};

const WEBHOOK = '/api/webhooks/debitura';
const SAMPLE_EVERY_MS = 10_000;
const PASSWORD = 'soak-bench-password';

export async function benchSoak(
  database: Database,
  options: { minutes: number; eventsPerSecond: number; pageReadsPerSecond: number; log: (line: string) => void },
): Promise<SoakReport> {
  const { log } = options;
  const url = await createDatabase(database, 'bench_soak');
  process.env.DATABASE_URL = url;
  await createUser({ email: 'soak@bench.example', name: 'Soak Manager', role: 'manager', password: PASSWORD });
  const sql = new pg.Pool({ connectionString: url, max: 2 });
  const api = await startFakeApi({ apiKey: 'bench-key' });
  const references: string[] = [];
  const source = createEventSource({
    secret: WEBHOOK_SECRET,
    seedBase: 500_000,
    onCases: (details) => {
      details.forEach(api.register);
      references.push(...details.map((detail) => detail.reference));
    },
  });
  const apiEnv = { DEBITURA_API_URL: api.url, DEBITURA_API_KEY: 'bench-key' };
  const web = await startApp(url, { ...apiEnv, CASEDESK_ROLE: 'web' });
  const worker = await startWorker(url, apiEnv);
  const samples: SoakSample[] = [];
  let errors = 0;
  let events = 0;
  let pages = 0;
  try {
    const { cookie } = await signInOverHttp(web.url, 'soak@bench.example', PASSWORD);
    if (!cookie) throw new Error('could not sign in to read pages');
    const durationMs = options.minutes * 60_000;
    const started = Date.now();
    const sample = async () => {
      const { rows } = await sql.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM webhook_events WHERE status = 'received'",
      );
      samples.push({
        atS: Math.round((Date.now() - started) / 1000),
        webMiB: Math.round(rssMiB(processTree(web.pid))),
        workerMiB: Math.round(rssMiB(processTree(worker.pid))),
        backlog: rows[0].n,
        events,
        pages,
      });
      const last = samples.at(-1)!;
      log(
        `t=${last.atS}s web ${last.webMiB} MiB, worker ${last.workerMiB} MiB, backlog ${last.backlog}, ${events} events, ${pages} pages`,
      );
    };
    await sample();
    const timer = setInterval(() => void sample(), SAMPLE_EVERY_MS);
    // Paced (open loop) rather than as fast as possible: a steady rate, as Debitura sends.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const base = new URL(web.url);
    const paced = async (perSecond: number, next: () => LoadRequest, count: () => void) => {
      const gapMs = 1000 / perSecond;
      let due = Date.now();
      while (Date.now() - started < durationMs) {
        const answer = await send(agent, base, next()).catch(() => ({ status: 0 }));
        if (answer.status === 0 || answer.status >= 400) errors += 1;
        count();
        due += gapMs;
        const wait = due - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    };
    source.prepare(Math.ceil(options.eventsPerSecond * options.minutes * 60 * 1.05));
    let page = 0;
    const pageRequest = () => {
      page += 1;
      const reference = references[(page * 7919) % Math.max(1, references.length)];
      const path = page % 2 || !reference ? `/cases?page=${page % 5}` : `/cases/${encodeURIComponent(reference)}`;
      return { method: 'GET' as const, path, headers: { cookie: cookie! } };
    };
    await Promise.all([
      paced(
        options.eventsPerSecond,
        () => source.next(WEBHOOK),
        () => (events += 1),
      ),
      paced(options.pageReadsPerSecond, pageRequest, () => (pages += 1)),
    ]);
    clearInterval(timer);
    agent.destroy();
    await sample();
    const { rows } = await sql.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM webhook_events GROUP BY status',
    );
    const warmupMinutes = Math.min(3, options.minutes / 4);
    const after = samples.filter((s) => s.atS >= warmupMinutes * 60);
    return {
      minutes: options.minutes,
      eventsPerSecond: options.eventsPerSecond,
      pageReadsPerSecond: options.pageReadsPerSecond,
      samples,
      warmupMinutes,
      slopes: {
        webMiBPerMin: slopePerMinute(after.map((s) => [s.atS, s.webMiB])),
        workerMiBPerMin: slopePerMinute(after.map((s) => [s.atS, s.workerMiB])),
      },
      errors,
      statuses: Object.fromEntries(rows.map((row) => [row.status, row.n])),
    };
  } finally {
    await worker.stop();
    await web.stop();
    await api.close();
    await sql.end();
    await db.$disconnect();
    await closePool();
  }
}

/** Least-squares slope of (seconds, MiB) points, in MiB per minute. */
export function slopePerMinute(points: [number, number][]): number {
  if (points.length < 2) return Number.NaN;
  const n = points.length;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return Math.round((covariance / variance) * 60 * 100) / 100;
}
