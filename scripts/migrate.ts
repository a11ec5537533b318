/** `npm run db:migrate`: apply pending SQL migrations to DATABASE_URL. */
import { migrate, MigrationError } from '@/lib/database/migrate';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set. (`npm run dev` and `npm start` migrate the embedded database themselves.)');
  process.exit(2);
}
try {
  const { applied, alreadyApplied } = await migrate(url, { log: console.log });
  console.log(`${applied.length} migration(s) applied, ${alreadyApplied} already in place.`);
} catch (error) {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exit(1);
}
