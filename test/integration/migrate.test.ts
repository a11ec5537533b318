import { mkdtemp, mkdir, writeFile, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS_DIR, readMigrationFiles } from '@/lib/database/migrate';
import { createTestDatabase } from '../helpers/database';

// The template the other tests clone is already migrated; these tests need empty
// databases, so they drop everything the template brought first.
async function emptyDatabase() {
  const database = await createTestDatabase();
  await database.pool.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  return database;
}

describe('the migration runner', () => {
  let database: Awaited<ReturnType<typeof emptyDatabase>>;
  beforeAll(async () => (database = await emptyDatabase()));
  afterAll(() => database?.drop());

  it('applies every migration once and records it the way Prisma does', async () => {
    const files = await readMigrationFiles();
    const first = await migrate(database.url);
    expect(first.applied).toEqual(files.map((f) => f.name));
    const second = await migrate(database.url);
    expect(second).toEqual({ applied: [], alreadyApplied: files.length });

    const { rows } = await database.pool.query(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(files[i].checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('refuses to run when an applied migration file was edited, naming the file', async () => {
    const dir = await copyOfMigrations();
    const [first] = await readMigrationFiles(dir);
    await writeFile(path.join(dir, first.name, 'migration.sql'), `${first.sql}\n-- edited\n`);
    await expect(migrate(database.url, { dir })).rejects.toThrow(
      `prisma/migrations/${first.name}/migration.sql was changed`,
    );
  });

  it('rolls a failing migration back completely and says which one failed', async () => {
    const dir = await copyOfMigrations();
    await mkdir(path.join(dir, '29990101000000_broken'));
    await writeFile(
      path.join(dir, '29990101000000_broken', 'migration.sql'),
      'CREATE TABLE half_done (id int); SELECT no_such_function();',
    );
    await expect(migrate(database.url, { dir })).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    const { rows } = await database.pool.query(
      `SELECT to_regclass('public.half_done') AS t, (SELECT count(*) FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken')::int AS n`,
    );
    expect(rows[0]).toEqual({ t: null, n: 0 });
  });
});

describe('two instances starting at the same moment', () => {
  let database: Awaited<ReturnType<typeof emptyDatabase>>;
  beforeAll(async () => (database = await emptyDatabase()));
  afterAll(() => database?.drop());

  it('apply each migration exactly once between them', async () => {
    const results = await Promise.all([migrate(database.url), migrate(database.url), migrate(database.url)]);
    const files = await readMigrationFiles();
    expect(results.flatMap((r) => r.applied).sort()).toEqual(files.map((f) => f.name).sort());
    const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM "_prisma_migrations"');
    expect(rows[0].n).toBe(files.length);
  });
});

async function copyOfMigrations(): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'casedesk-migrations-')), 'migrations');
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}
