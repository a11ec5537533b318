import type { CaseSort, SortDirection } from './filters';

/**
 * Keyset cursors for the case list. A cursor names the last row of a page by its sort key
 * and id, so the next page starts right after it whatever page it is (no OFFSET).
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

export function encodeCursor(cursor: CaseCursor): string {
  const tuple = [cursor.sort, cursor.dir, cursor.segment === 'null' ? 0 : 1, cursor.value, cursor.id];
  return Buffer.from(JSON.stringify(tuple)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes a cursor and checks it belongs to the requested sort, else InvalidCursorError. */
export function decodeCursor(text: string, sort: CaseSort, dir: SortDirection): CaseCursor {
  let tuple: unknown;
  try {
    tuple = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(tuple) || tuple.length !== 5) throw new InvalidCursorError();
  const [cursorSort, cursorDir, segmentFlag, value, id] = tuple as unknown[];
  if (cursorSort !== sort || cursorDir !== dir) {
    throw new InvalidCursorError('The cursor belongs to a different sort order: start again from the first page.');
  }
  if (typeof id !== 'string' || !UUID.test(id)) throw new InvalidCursorError();
  const segment = segmentFlag === 0 ? 'null' : 'value';
  if (segment === 'null' ? value !== null : !isValidValue(sort, value)) throw new InvalidCursorError();
  return { sort, dir, segment, value: value as CursorValue, id };
}

function isValidValue(sort: CaseSort, value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (sort === 'outstanding') return /^-?\d{1,19}$/.test(value);
  if (sort === 'reference') return value.length > 0 && value.length <= 200;
  return !Number.isNaN(Date.parse(value));
}
