import { defineConfig } from 'prisma/config';

// Only the CLI reads this file; the app connects through the pg driver adapter
// in lib/db.ts. Migrations are applied by scripts/migrate.ts (see README).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/casedesk' },
});
