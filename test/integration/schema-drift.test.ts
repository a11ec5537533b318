/**
 * Prisma's schema engine cannot run on our machines, so migrations are hand-written SQL.
 * This test is what keeps schema.prisma (what the client believes) and the migrated
 * database (what is true) from drifting apart: tables, columns, types, nullability,
 * indexes (unique or not, columns in order, method) and foreign keys.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import internals from '@prisma/internals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database';

type Dmmf = Awaited<ReturnType<typeof internals.getDMMF>>;
type Model = Dmmf['datamodel']['models'][number];
type Field = Model['fields'][number];

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dmmf: Dmmf;

beforeAll(async () => {
  database = await createTestDatabase();
  const schema = readFileSync(path.resolve(import.meta.dirname, '../../prisma/schema.prisma'), 'utf8');
  dmmf = await internals.getDMMF({ datamodel: schema });
});
afterAll(() => database?.drop());

const tableOf = (model: Model) => model.dbName ?? model.name;
const columnOf = (field: Field) => field.dbName ?? field.name;

/** The PostgreSQL type Prisma would create for a scalar field, as information_schema names it. */
function expectedType(field: Field): string {
  const [native, args = []] = (field.nativeType as [string, string[]] | null) ?? [];
  if (native === 'Uuid') return 'uuid';
  if (native === 'Date') return 'date';
  if (native === 'Timestamptz') return `timestamp with time zone(${args[0] ?? 6})`;
  if (native === 'Timestamp') return `timestamp without time zone(${args[0] ?? 6})`;
  if (native === 'VarChar') return `character varying(${args[0]})`;
  if (native) throw new Error(`expectedType: add a mapping for @db.${native}`);
  switch (field.type) {
    case 'String':
      return 'text';
    case 'Int':
      return 'integer';
    case 'BigInt':
      return 'bigint';
    case 'Boolean':
      return 'boolean';
    case 'Json':
      return 'jsonb';
    case 'Float':
      return 'double precision';
    case 'Bytes':
      return 'bytea';
    case 'DateTime':
      return 'timestamp without time zone(3)';
    default:
      throw new Error(`expectedType: add a mapping for ${field.type}`);
  }
}

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await database.pool.query(sql, params)).rows as T[];
}

describe('schema.prisma matches the migrated database', () => {
  it('has the same tables', async () => {
    const rows = await query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(dmmf.datamodel.models.map(tableOf).sort());
  });

  it('has the same columns, types and nullability in every table', async () => {
    const rows = await query<{ table_name: string; column_name: string; type: string; is_nullable: string }>(`
      SELECT table_name, column_name, is_nullable,
             CASE WHEN data_type LIKE 'timestamp%' THEN data_type || '(' || datetime_precision || ')'
                  WHEN data_type = 'character varying' THEN data_type || '(' || character_maximum_length || ')'
                  ELSE data_type END AS type
      FROM information_schema.columns WHERE table_schema = 'public'`);
    for (const model of dmmf.datamodel.models) {
      const actual = rows
        .filter((r) => r.table_name === tableOf(model))
        .map((r) => `${r.column_name} ${r.type}${r.is_nullable === 'YES' ? '' : ' not null'}`)
        .sort();
      const expected = model.fields
        .filter((f) => f.kind === 'scalar' || f.kind === 'enum')
        .map((f) => `${columnOf(f)} ${expectedType(f)}${f.isRequired ? ' not null' : ''}`)
        .sort();
      expect(actual, `columns of ${tableOf(model)}`).toEqual(expected);
    }
  });

  it('has the same indexes: primary keys, unique and plain, columns in order', async () => {
    const rows = await query<{
      table_name: string;
      is_unique: boolean;
      is_primary: boolean;
      method: string;
      columns: string[];
    }>(`
      SELECT t.relname AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary, am.amname AS method,
             array_agg(a.attname::text ORDER BY k.ordinality) AS columns
      FROM pg_index ix
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_am am ON am.oid = i.relam
      JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ordinality) ON true
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
      GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary, am.amname`);
    const describeIndex = (table: string, kind: string, method: string, columns: string[]) =>
      `${table} ${kind} ${method} (${columns.join(', ')})`;
    const actual = rows
      .map((r) =>
        describeIndex(r.table_name, r.is_primary ? 'id' : r.is_unique ? 'unique' : 'normal', r.method, r.columns),
      )
      .sort();

    const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
    const expected = dmmf.datamodel.indexes
      .map((index) => {
        const model = models.get(index.model)!;
        const columns = index.fields.map((f) => columnOf(model.fields.find((field) => field.name === f.name)!));
        const method = ((index as { algorithm?: string }).algorithm ?? 'BTree').toLowerCase();
        return describeIndex(tableOf(model), index.type, method, columns);
      })
      .sort();
    expect(actual).toEqual(expected);
  });

  it('has the same foreign keys', async () => {
    const rows = await query<{ table_name: string; columns: string[]; foreign_table: string }>(`
      SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS foreign_table,
             array_agg(a.attname::text ORDER BY k.ordinality) AS columns
      FROM pg_constraint c
      JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ordinality) ON true
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
      GROUP BY c.oid, c.conrelid, c.confrelid`);
    const actual = rows
      .map(
        (r) => `${r.table_name.replaceAll('"', '')}(${r.columns.join(', ')}) -> ${r.foreign_table.replaceAll('"', '')}`,
      )
      .sort();

    const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
    const expected = dmmf.datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((f) => f.kind === 'object' && f.relationFromFields?.length)
          .map((f) => {
            const columns = f.relationFromFields!.map((name) => columnOf(model.fields.find((x) => x.name === name)!));
            return `${tableOf(model)}(${columns.join(', ')}) -> ${tableOf(models.get(f.type)!)}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});
