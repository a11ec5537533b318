import { PrismaPg } from '@prisma/adapter-pg';
import { getPool } from '@/lib/database/pool';
import { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * The one Prisma client. Built on the node-postgres driver adapter over the process's one
 * pg pool, so no Prisma engine binary is needed. Cached on globalThis so dev hot-reloads don't open a pool each time.
 */

function createClient() {
  // One connection pool per process, shared with the webhook hot path (lib/database/pool.ts),
  // so an instance holds DATABASE_POOL_SIZE connections, not twice that.
  const adapter = new PrismaPg(getPool());
  return new PrismaClient({
    adapter,
    // Secrets never leave the database layer unless a query asks for them explicitly.
    omit: { user: { passwordHash: true }, apiToken: { tokenHash: true } },
  });
}

type Db = ReturnType<typeof createClient>;
const globalForDb = globalThis as unknown as { casedeskDb?: Db };

export const db: Db = new Proxy({} as Db, {
  // Lazy: importing this module (e.g. during `next build`) must not need a database.
  get(_target, property) {
    globalForDb.casedeskDb ??= createClient();
    const value = Reflect.get(globalForDb.casedeskDb, property);
    return typeof value === 'function' ? value.bind(globalForDb.casedeskDb) : value;
  },
});
