import { z } from 'zod';
import { cursorField, defineCursor } from '@/lib/pagination/cursor';
import { CASE_SORTS, type CaseSort, type SortDirection } from './filters';

/**
 * The case list's keyset cursor (on the one codec in lib/pagination/cursor.ts).
 *
 * Sort columns can be null (no assignment date yet, outstanding unknown until the case
 * detail arrives). Those rows always come last, after every row with a value: `segment`
 * says whether the cursor is in the valued part or in that null tail.
 */
export type CursorValue = string | null;

export type CaseCursor = {
  sort: CaseSort;
  dir: SortDirection;
  segment: 'value' | 'null';
  /** ISO time, decimal minor units or text; null in the null segment. */
  value: CursorValue;
  id: string;
};

export class InvalidCursorError extends Error {
  constructor(message = 'The cursor is not valid for this list: start again from the first page.') {
    super(message);
    this.name = 'InvalidCursorError';
  }
}

/** What a sort's value must be, so it casts in SQL (`::timestamptz`, `::bigint`, `::text`). */
const VALUE_FIELD: Record<CaseSort, z.ZodType> = {
  assigned: cursorField.time,
  activity: cursorField.time,
  outstanding: cursorField.bigint,
  reference: cursorField.text,
};

export const caseCursor = defineCursor<CaseCursor>('cases', {
  toFields: (cursor) => [cursor.sort, cursor.dir, cursor.segment === 'null' ? 0 : 1, cursor.value, cursor.id],
  fields: z
    .tuple([z.enum(CASE_SORTS), z.enum(['asc', 'desc']), z.literal([0, 1]), z.string().nullable(), cursorField.uuid])
    .refine(([sort, , flag, value]) =>
      flag === 0 ? value === null : value !== null && VALUE_FIELD[sort].safeParse(value).success,
    )
    .transform(([sort, dir, flag, value, id]) => ({
      sort,
      dir,
      segment: flag === 0 ? ('null' as const) : ('value' as const),
      value,
      id,
    })),
});

export const encodeCursor = caseCursor.encode;

/** Decodes a cursor and checks it belongs to the requested sort, else InvalidCursorError. */
export function decodeCursor(text: string, sort: CaseSort, dir: SortDirection): CaseCursor {
  const cursor = caseCursor.decode(text);
  if (!cursor) throw new InvalidCursorError();
  if (cursor.sort !== sort || cursor.dir !== dir) {
    throw new InvalidCursorError('The cursor belongs to a different sort order: start again from the first page.');
  }
  return cursor;
}
