/**
 * `npm run bench`: measures the production build (it builds nothing; build first).
 *   ingest  signed webhooks against `next start` on PostgreSQL at concurrency 1/16/64, with
 *           two floors: the same server's GET /api/health and a bare node:http + pg server.
 *   pages   the case list and case page queries over 100,000 cases / 1,000,000 events.
 *   queue   (only when asked) the work queue over 100,000 cases, a collector with 5,000 open ones;
 *           --legacy also times the implementation before deadlines moved into SQL.
 *   roles   (only when asked) ingest with web + worker processes against one process doing both.
 *   soak    (only when asked) 20 minutes of steady ingest while pages are read; RSS every 10 s.
 * Everything runs on its own embedded PostgreSQL in a temporary folder. See BENCHMARKS.md.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { assertBuilt, DIST_DIR, startDatabase } from './bench/env';
import { benchIngest, type IngestReport } from './bench/ingest';
import { benchPages, type PagesReport } from './bench/pages';
import { benchQueue, type QueueReport } from './bench/queue';
import { benchRoles, type RolesPoint } from './bench/roles';
import { benchSoak, type SoakReport } from './bench/soak';
import { describeMachine } from './bench/proc';
import { ms, table } from './bench/stats';

const USAGE = `usage: npm run bench -- [--only ingest|pages|queue|roles|soak] [--duration S] [--warmup S]
                        [--concurrency 1,16,64] [--cases N] [--runs N] [--variants] [--json FILE]
                        [--rounds N] [--minutes N] [--rate EVENTS_PER_S] [--page-rate READS_PER_S]
       npm run bench -- queue [--legacy] | roles | soak   (the same as --only queue | roles | soak)

  --variants also prices other designs of the webhook store at c=16/64 (about a minute more).`;

function options() {
  try {
    const parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        rounds: { type: 'string', default: '2' },
        minutes: { type: 'string', default: '20' },
        rate: { type: 'string', default: '20' },
        'page-rate': { type: 'string', default: '2' },
        only: { type: 'string' },
        duration: { type: 'string', default: '6' },
        warmup: { type: 'string', default: '1.5' },
        concurrency: { type: 'string', default: '1,16,64' },
        cases: { type: 'string', default: '100000' },
        runs: { type: 'string', default: '30' },
        json: { type: 'string' },
        variants: { type: 'boolean', default: false },
        legacy: { type: 'boolean', default: false },
      },
    });
    const { values, positionals } = parsed;
    values.only ??= positionals[0];
    const concurrencies = values.concurrency.split(',').map(Number);
    const numbers = [
      Number(values.duration),
      Number(values.warmup),
      Number(values.cases),
      Number(values.runs),
      Number(values.rounds),
      Number(values.minutes),
      Number(values.rate),
      Number(values['page-rate']),
      ...concurrencies,
    ];
    if (
      numbers.some((n) => !Number.isFinite(n) || n <= 0) ||
      (values.only && !['ingest', 'pages', 'queue', 'roles', 'soak'].includes(values.only))
    )
      throw new Error('bad value');
    return {
      ...values,
      concurrencies,
      durationMs: Number(values.duration) * 1000,
      warmupMs: Number(values.warmup) * 1000,
    };
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
    process.exit(2);
  }
}

const log = (line: string) => console.error(`[bench] ${line}`);

function printIngest(report: IngestReport) {
  const rows = report.ingest.map((point, i) => {
    const health = report.health[i];
    const bare = report.bare[i];
    return [
      point.concurrency,
      point.perSecond.toFixed(0),
      ms(point.p50),
      ms(point.p99),
      health.perSecond.toFixed(0),
      ms(health.p99),
      bare?.perSecond.toFixed(0) ?? '–',
      bare ? ms(bare.p99) : '–',
      (point.perSecond / health.perSecond).toFixed(2),
      bare ? (point.perSecond / bare.perSecond).toFixed(2) : '–',
      `${point.drainMs} ms`,
      point.errors,
    ];
  });
  console.log('\n## Ingest (events/s; latency ms)\n');
  console.log(
    table(
      [
        'c',
        'ingest/s',
        'p50',
        'p99',
        'health/s',
        'health p99',
        'bare/s',
        'bare p99',
        'ingest÷health',
        'ingest÷bare',
        'backlog drained',
        'errors',
      ],
      rows,
    ),
  );
  console.log('\nCPU per request (ms; app process tree / PostgreSQL):\n');
  console.log(
    table(
      ['c', 'ingest app', 'ingest db', 'health app', 'bare app', 'bare db'],
      report.ingest.map((point, i) => [
        point.concurrency,
        point.appCpuMsPerRequest,
        point.dbCpuMsPerRequest,
        report.health[i].appCpuMsPerRequest,
        report.bare[i]?.appCpuMsPerRequest ?? '–',
        report.bare[i]?.dbCpuMsPerRequest ?? '–',
      ]),
    ),
  );
  console.log(
    `\napp RSS (next start, process tree): peak ${report.peakRssMiB.toFixed(0)} MiB, at the end ${report.endRssMiB.toFixed(0)} MiB`,
  );
  console.log(
    `acknowledged ${report.acknowledged} events, stored ${report.stored}; statuses after draining: ${JSON.stringify(report.statuses)}`,
  );
  if (report.variants.length) {
    console.log('\nOther designs of the store (events/s, p99 ms, app CPU ms per event):\n');
    console.log(
      table(
        ['variant', ...report.variants[0].points.map((p) => `c=${p.concurrency}`)],
        report.variants.map((variant) => [
          variant.name,
          ...variant.points.map((p) => `${p.perSecond.toFixed(0)}/s, p99 ${ms(p.p99)}, ${p.appCpuMsPerRequest} ms CPU`),
        ]),
      ),
    );
  }
  if (report.starved) console.log(`warning: ${report.starved} events were generated on the hot path (buffer ran dry)`);
}

function printPages(report: PagesReport) {
  console.log(
    `\n## Pages (${report.cases.toLocaleString('en')} cases, ${(report.cases * 10).toLocaleString('en')} timeline events; fixture loaded in ${report.loadSeconds.toFixed(0)} s)\n`,
  );
  console.log(
    table(
      ['query', 'median ms', 'p95 ms', 'rows'],
      report.timings.map((t) => [t.name, ms(t.median), ms(t.p95), t.rows]),
    ),
  );
  console.log("\nIndexes in each query's plan (EXPLAIN of the SQL the function sent):\n");
  console.log(
    table(
      ['query', 'plan uses'],
      report.timings.map((t) => [t.name, t.plan]),
    ),
  );
}

function printQueue(report: QueueReport) {
  console.log(
    `\n## Work queue (${report.cases.toLocaleString('en')} cases; a collector with 5,000 open; fixtures loaded in ${report.loadSeconds.toFixed(0)} s; every case's work items derived in ${report.deriveSeconds.toFixed(1)} s)\n`,
  );
  console.log(
    table(
      ['call', 'runs', 'median ms', 'p95 ms', 'items / count'],
      report.timings.map((t) => [t.name, t.runs, ms(t.median), ms(t.p95), t.rows]),
    ),
  );
  console.log('\nIndexes in each plan:\n');
  console.log(
    table(
      ['call', 'plan uses'],
      report.timings.map((t) => [t.name, t.plan]),
    ),
  );
}

function printRoles(points: RolesPoint[]) {
  console.log('\n## Web + worker processes against one process (events/s; latency ms; CPU ms per event)\n');
  console.log(
    table(
      [
        'round',
        'layout',
        'c',
        'ingest/s',
        'p50',
        'p99',
        'backlog drained',
        'web CPU',
        'worker CPU',
        'db CPU',
        'errors',
      ],
      points.map((p) => [
        p.round,
        p.layout === 'all' ? 'one process' : 'web + worker',
        p.concurrency,
        p.perSecond.toFixed(0),
        ms(p.p50),
        ms(p.p99),
        `${p.drainMs} ms`,
        p.webCpuMs,
        p.workerCpuMs || '–',
        p.dbCpuMs,
        p.errors,
      ]),
    ),
  );
  console.log('\nSplit ÷ one process, same round and concurrency (rate; p99):\n');
  const ratios = points
    .filter((p) => p.layout === 'split')
    .map((split) => {
      const all = points.find(
        (p) => p.layout === 'all' && p.round === split.round && p.concurrency === split.concurrency,
      )!;
      return [
        split.round,
        split.concurrency,
        (split.perSecond / all.perSecond).toFixed(2),
        (split.p99 / all.p99).toFixed(2),
      ];
    });
  console.log(table(['round', 'c', 'ingest/s ratio', 'p99 ratio'], ratios));
}

function printSoak(report: SoakReport) {
  console.log(
    `\n## Soak: ${report.minutes} min, ${report.eventsPerSecond} webhooks/s and ${report.pageReadsPerSecond} page reads/s\n`,
  );
  console.log(
    table(
      ['t (s)', 'web RSS MiB', 'worker RSS MiB', 'backlog', 'events sent', 'pages read'],
      report.samples.map((s) => [s.atS, s.webMiB, s.workerMiB, s.backlog, s.events, s.pages]),
    ),
  );
  console.log(
    `\nslope after the first ${report.warmupMinutes} min (least squares): web ${report.slopes.webMiBPerMin} MiB/min, worker ${report.slopes.workerMiBPerMin} MiB/min`,
  );
  console.log(`errors: ${report.errors}; inbox statuses at the end: ${JSON.stringify(report.statuses)}`);
}

async function main() {
  const opts = options();
  if (opts.only !== 'pages' && opts.only !== 'queue') assertBuilt();
  const only = opts.only;
  const started = Date.now();
  console.log(`# npm run bench ${process.argv.slice(2).join(' ')}\n`);
  console.log(`build: ${DIST_DIR}/`);
  for (const line of describeMachine()) console.log(line);

  log('starting an embedded PostgreSQL in a temporary folder');
  const database = await startDatabase(log);
  const results: {
    ingest?: IngestReport;
    pages?: PagesReport;
    queue?: QueueReport;
    roles?: RolesPoint[];
    soak?: SoakReport;
  } = {};
  try {
    if (only === 'roles') {
      results.roles = await benchRoles(database, {
        concurrencies: opts.concurrencies,
        warmupMs: opts.warmupMs,
        durationMs: opts.durationMs,
        rounds: Number(opts.rounds),
        log,
      });
      printRoles(results.roles);
    }
    if (only === 'soak') {
      results.soak = await benchSoak(database, {
        minutes: Number(opts.minutes),
        eventsPerSecond: Number(opts.rate),
        pageReadsPerSecond: Number(opts['page-rate']),
        log,
      });
      printSoak(results.soak);
    }
    if (only === 'queue') {
      results.queue = await benchQueue(database, {
        cases: Number(opts.cases),
        runs: Number(opts.runs),
        legacy: opts.legacy,
        log,
      });
      printQueue(results.queue);
    }
    if (!only || only === 'ingest') {
      results.ingest = await benchIngest(database, {
        concurrencies: opts.concurrencies,
        warmupMs: opts.warmupMs,
        durationMs: opts.durationMs,
        variants: opts.variants,
        log,
      });
      printIngest(results.ingest);
    }
    if (!only || only === 'pages') {
      results.pages = await benchPages(database, { cases: Number(opts.cases), runs: Number(opts.runs), log });
      printPages(results.pages);
    }
  } finally {
    await database.stop();
  }
  console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (opts.json) await writeFile(opts.json, JSON.stringify(results, null, 2));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
