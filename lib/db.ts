import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * The one Prisma client. Built on the node-postgres driver adapter, so no Prisma engine
 * binary is needed. Cached on globalThis so dev hot-reloads don't open a pool each time.
 */

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error('DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which provide it.');
  }
  const adapter = new PrismaPg({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  });
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
