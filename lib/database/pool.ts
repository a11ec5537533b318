import pg from 'pg';

/**
 * A plain node-postgres pool for the webhook hot path and the background appliers: one
 * statement per delivery through Prisma's query layer costs measurably more CPU than the
 * same statement sent straight through `pg` (see BENCHMARKS.md), and the appliers' work is
 * row locks and conditional upserts that read best as SQL anyway. Everything else uses `db`.
 */

const globalForPool = globalThis as unknown as { casedeskPool?: pg.Pool };

export function getPool(): pg.Pool {
  if (globalForPool.casedeskPool) return globalForPool.casedeskPool;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error('DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which provide it.');
  }
  const pool = new pg.Pool({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Fail fast when the database is down, so the webhook answers 503 within Debitura's 10 s.
    connectionTimeoutMillis: 3_000,
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', (error) => console.error('[db] idle connection error:', error.message));
  globalForPool.casedeskPool = pool;
  return pool;
}

/** Closes the pool (CLIs and tests; the server keeps it for its lifetime). */
export async function closePool(): Promise<void> {
  const pool = globalForPool.casedeskPool;
  globalForPool.casedeskPool = undefined;
  await pool?.end();
}

/** Runs `work` in a transaction on one connection; rolls back if it throws. */
export async function withTransaction<T>(work: (client: pg.PoolClient) => Promise<T>, pool = getPool()): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Errors a retry can fix: the connection (class 08, admin shutdown 57P), deadlocks,
 * serialization failures, lock timeouts, too many connections. Anything else is about the
 * data or the code, and retrying the same thing gives the same answer.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return true; // ECONNREFUSED, ECONNRESET...
  if (typeof code === 'string' && code.length === 5) {
    return (
      code.startsWith('08') ||
      code.startsWith('57P') ||
      code.startsWith('53') ||
      ['40001', '40P01', '55P03'].includes(code)
    );
  }
  // pg's own connection errors carry no code: pool timeouts, "Connection terminated".
  const message = error instanceof Error ? error.message : String(error);
  return /timeout|terminated|connection|ECONN/i.test(message);
}
