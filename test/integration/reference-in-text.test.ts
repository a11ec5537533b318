import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { isNamedSql, namesReference, textWords, textWordsSql } from '@/lib/payments/reference-in-text';
import { createTestDatabase } from '@/test/helpers/database';
import { REFERENCE_IN_TEXT_EXAMPLES } from '@/test/helpers/reference-in-text-examples';

/**
 * "A bank line's text names a case reference" runs in PostgreSQL for the matcher and for
 * "Register with Debitura", and in TypeScript for its unit test: here both answer every edge
 * case alike, so the rule the unit test pins down is the one the queries apply.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  await database?.drop();
});

describe('the reference-in-text rule in PostgreSQL', () => {
  it.each(REFERENCE_IN_TEXT_EXAMPLES)(
    '$why: "$text" names "$reference": $isNamed',
    async ({ text, reference, isNamed }) => {
      const words = textWordsSql(Prisma.sql`${text}::text`);
      const [row] = await db.$queryRaw<{ words: string[]; named: boolean }[]>`
      SELECT ${words} AS words, ${isNamedSql(Prisma.sql`${reference}::text`, words)} AS named`;
      expect(row.words).toEqual(textWords(text));
      expect(row.named).toBe(isNamed);
      expect(namesReference(text, reference)).toBe(isNamed);
    },
  );

  it('names nothing in a missing text', async () => {
    const [row] = await db.$queryRaw<{ named: boolean }[]>`
      SELECT ${isNamedSql(Prisma.sql`'ABC-12'::text`, textWordsSql(Prisma.sql`NULL::text`))} AS named`;
    expect(row.named).toBe(false);
  });
});
