import pg from 'pg';
import { getPool } from '@/lib/database/pool';

/**
 * Kicks across processes. A web process runs no jobs, so a kick there (a webhook just stored,
 * a reply queued) is passed to the workers as a PostgreSQL NOTIFY on one channel, the job's
 * name as payload; each worker LISTENs and kicks its own job. Kicks for one job within
 * KICK_WINDOW_MS are sent as one NOTIFY, off the request's path, so a burst of deliveries
 * costs a few notifications a second, not one statement each. A lost kick only delays work
 * until the job's next poll.
 */

export const KICK_CHANNEL = 'casedesk_jobs';
const KICK_WINDOW_MS = 20;

const pending = new Set<string>();
let timer: ReturnType<typeof setTimeout> | undefined;

export function notifyKick(name: string): void {
  pending.add(name);
  timer ??= setTimeout(() => {
    timer = undefined;
    const names = [...pending];
    pending.clear();
    for (const job of names) {
      getPool()
        .query('SELECT pg_notify($1, $2)', [KICK_CHANNEL, job])
        .catch((error: unknown) =>
          console.error('[jobs] could not notify the workers:', error instanceof Error ? error.message : error),
        );
    }
  }, KICK_WINDOW_MS);
}

/**
 * Listens for kicks on a connection of its own (a LISTEN holds its connection), reconnecting
 * after a drop. Returns a function that stops listening.
 */
export function listenForKicks(
  onKick: (name: string) => void,
  connectionString = process.env.DATABASE_URL,
): () => void {
  let client: pg.Client | undefined;
  let isStopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString });
    client = next;
    next.on('notification', (message) => {
      if (message.channel === KICK_CHANNEL && message.payload) onKick(message.payload);
    });
    next.on('error', () => reconnect());
    try {
      await next.connect();
      await next.query(`LISTEN ${KICK_CHANNEL}`);
    } catch (error) {
      console.error('[jobs] could not listen for kicks:', error instanceof Error ? error.message : error);
      reconnect();
    }
  };
  const reconnect = () => {
    if (isStopped || retry) return;
    client?.end().catch(() => {});
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, 2_000);
    retry.unref();
  };
  void connect();
  return () => {
    isStopped = true;
    clearTimeout(retry);
    void client?.end().catch(() => {});
  };
}
