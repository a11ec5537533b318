import pg from 'pg';
import { createDatabase, type Database } from './env';
import { loadPagesFixture } from './pages-fixture';
import { installPlanRecorder } from './plans';
import { summarize } from './stats';

/**
 * Pages: the case-pages engineer's query functions (lib/cases/case-list.ts,
 * lib/cases/case-detail.ts, the bodies behind lib/cases/queries.ts) timed against 100,000
 * cases and 1,000,000 timeline events, through the app's own Prisma client, as a page
 * would call them. Each query runs a few times to warm up, then N times.
 */

export type QueryTiming = { name: string; runs: number; median: number; p95: number; rows: number; plan: string };
export type PagesReport = { cases: number; loadSeconds: number; timings: QueryTiming[] };

export async function benchPages(
  database: Database,
  options: { cases: number; runs: number; log: (line: string) => void },
): Promise<PagesReport> {
  const { log } = options;
  const url = await createDatabase(database, 'bench_pages');
  log(
    `loading ${options.cases.toLocaleString('en')} cases and ${(options.cases * 10).toLocaleString('en')} timeline events`,
  );
  const loadStarted = Date.now();
  await loadPagesFixture(url, options.cases, log);
  const loadSeconds = (Date.now() - loadStarted) / 1000;

  // lib/db reads DATABASE_URL at its first query: point it at the fixture before importing.
  process.env.DATABASE_URL = url;
  const plans = installPlanRecorder(url);
  const { listCases, countCasesByState } = await import('@/lib/cases/case-list');
  const { getCaseDetail } = await import('@/lib/cases/case-detail');
  const { parseCaseListQuery } = await import('@/lib/cases/filters');
  const { db } = await import('@/lib/db');
  const { closePool } = await import('@/lib/database/pool');

  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  const { rows: people } = await sql.query<{ id: string; role: string }>(
    "SELECT id, role FROM users WHERE email IN ('manager@bench.example', 'collector1@bench.example') ORDER BY role DESC",
  );
  const manager = people.find((person) => person.role === 'manager')!;
  const collector = people.find((person) => person.role === 'collector')!;
  const { rows: sample } = await sql.query<{ reference: string }>(
    'SELECT reference FROM cases WHERE assignee_id IS NULL ORDER BY md5(reference) LIMIT 50',
  );
  const { rows: fragment } = await sql.query<{ reference: string }>(
    'SELECT reference FROM cases ORDER BY md5(id::text) LIMIT 1',
  );
  await sql.end();

  const query = (params: Record<string, string>) => {
    const parsed = parseCaseListQuery(new URLSearchParams(params));
    if (!parsed.ok) throw new Error(`bad bench query ${JSON.stringify(params)}`);
    return parsed.query;
  };

  // Page 500 by keyset: follow the cursors there once, then time that page.
  let cursor: string | null = null;
  const walkStarted = Date.now();
  for (let page = 1; page < 500; page++) {
    const result: { nextCursor: string | null } = await listCases(manager, query(cursor ? { cursor } : {}));
    cursor = result.nextCursor;
    if (!cursor) throw new Error(`the list ended at page ${page}`);
  }
  log(`  walked to page 500 (25 per page) in ${((Date.now() - walkStarted) / 1000).toFixed(1)} s`);
  const page500 = cursor!;

  let nth = 0;
  const cases: [string, () => Promise<number>][] = [
    ['list, first page (manager: all cases)', async () => (await listCases(manager, query({}))).items.length],
    [
      'list, first page (collector: own + unassigned)',
      async () => (await listCases(collector, query({}))).items.length,
    ],
    [
      'list, page 500 via keyset cursor',
      async () => (await listCases(manager, query({ cursor: page500 }))).items.length,
    ],
    [
      'list, sorted by outstanding',
      async () => (await listCases(manager, query({ sort: 'outstanding' }))).items.length,
    ],
    [
      'list, search debtor name "lindberg"',
      async () => (await listCases(manager, query({ q: 'lindberg' }))).items.length,
    ],
    [
      `list, search reference fragment "${fragment[0].reference.slice(1, 6)}"`,
      async () => (await listCases(manager, query({ q: fragment[0].reference.slice(1, 6) }))).items.length,
    ],
    [
      'list, filter state=Paused currency=SEK',
      async () => (await listCases(manager, query({ state: 'Paused', currency: 'SEK' }))).items.length,
    ],
    [
      'list, filter closeCode=PartiallyPaid',
      async () => (await listCases(manager, query({ closeCode: 'PartiallyPaid' }))).items.length,
    ],
    [
      'list, filter unread (collector)',
      async () => (await listCases(collector, query({ unread: 'true' }))).items.length,
    ],
    ['state tab counts (manager)', async () => (await countCasesByState(manager, query({}))).total],
    [
      'state tab counts with search "lindberg"',
      async () => (await countCasesByState(manager, query({ q: 'lindberg' }))).total,
    ],
    [
      'case page (case, timeline + raw bodies, payments)',
      async () => {
        const detail = await getCaseDetail(manager, sample[nth++ % sample.length].reference);
        return detail?.timeline.length ?? 0;
      },
    ],
  ];

  const timings: QueryTiming[] = [];
  for (const [name, run] of cases) {
    let rows = 0;
    for (let i = 0; i < 3; i++) rows = await run();
    const samples: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const started = performance.now();
      await run();
      samples.push(performance.now() - started);
    }
    const stats = summarize(samples);
    const plan = plans ? await plans.explain(await plans.record(run)) : 'not recorded';
    timings.push({ name, runs: options.runs, median: stats.median, p95: stats.p95, rows, plan });
    log(`  ${name}: median ${stats.median.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms (${rows} rows; ${plan})`);
  }
  await db.$disconnect();
  await closePool();
  return { cases: options.cases, loadSeconds, timings };
}
