/**
 * Deadlocks and serialization failures, retried. Every path that locks cases, payments or bank
 * lines takes them in one order, so two of them wait for each other instead of deadlocking:
 *
 *   1. cases, in byte order of the reference (`ORDER BY reference COLLATE "C"`);
 *   2. payments, in id order (the applier's payments only under their case's lock);
 *   3. bank lines, in id order.
 *
 * (The database's own trigger on payments, which marks matched bank lines for review, follows
 * the same order: it runs under the payment's lock.) A deadlock can still come from somewhere
 * this order does not reach (another process, a hand-run script); PostgreSQL then aborts one
 * of the transactions with 40P01, and its work is safe to redo from the start. So each of those
 * paths runs its whole transaction through withConflictRetry: the manager sees a short wait,
 * never a 500.
 */

const CONFLICT_CODES = new Set(['40P01', '40001']);
// Prisma's own code for "a write conflict or a deadlock" (its driver adapter maps both to it).
const PRISMA_CONFLICT_CODE = 'P2034';
const DEFAULT_ATTEMPTS = 5;

/** Is this a deadlock or serialization failure, however the driver or Prisma wrapped it? */
export function isConflictError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const record = error as Record<string, unknown>;
  for (const key of ['code', 'originalCode']) {
    const code = record[key];
    if (typeof code === 'string' && (CONFLICT_CODES.has(code) || code === PRISMA_CONFLICT_CODE)) return true;
  }
  if (error instanceof Error && /deadlock detected|could not serialize access/i.test(error.message)) return true;
  return ['cause', 'meta', 'driverAdapterError'].some((key) => isConflictError(record[key], depth + 1));
}

/**
 * Runs `work` (one whole transaction) again when the database aborted it for a deadlock or a
 * serialization failure, after a short random pause that grows with each attempt (so the two
 * parties do not meet again at the same moment). Any other error, or the last attempt's, is thrown.
 */
export async function withConflictRetry<T>(work: () => Promise<T>, attempts = DEFAULT_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isConflictError(error)) throw error;
      const pauseMs = 20 * attempt + Math.random() * 50 * attempt;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}
