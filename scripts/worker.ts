/**
 * The worker process: runs the background jobs (lib/jobs/index.ts) against DATABASE_URL and
 * serves nothing. `npm start` runs one beside the web server (scripts/serve.ts); start more
 * with `CASEDESK_ROLE=worker npm start` anywhere that reaches the database: they share the work
 * through the database (SKIP LOCKED, leases), never in memory.
 */
import { closePool } from '@/lib/database/pool';
import { startWorker } from '@/lib/jobs';

const log = (line: string) => console.log(`[worker ${process.pid}] ${line}`);

if (!process.env.DATABASE_URL) {
  console.error('[worker] DATABASE_URL is not set: start workers with `npm start`, which provides it.');
  process.exit(2);
}

const stop = startWorker();
// The jobs' timers do not hold the process open (a server must be able to exit): this does.
const keepAlive = setInterval(() => {}, 60_000);
log('running the background jobs');

let isStopping = false;
async function shutdown() {
  if (isStopping) return;
  isStopping = true;
  log('stopping: waiting for passes in flight');
  clearInterval(keepAlive);
  await stop();
  await closePool().catch(() => {});
  process.exit(0);
}

process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
