import { z } from 'zod';

/**
 * The one codec for keyset cursors, used by every paged list (cases, payments, the admin
 * lists). A cursor names the last row of a page by its sort key and id, so the next page
 * starts right after it, however deep (no OFFSET).
 *
 * On the wire a cursor is base64url JSON: the list's name, then its fields. It is opaque, not
 * secret: someone who edits one can only move within a list they may read anyway, because
 * every list applies its permission filters besides the cursor. So a cursor is validated,
 * not signed: `decode` answers null for anything this list did not make (garbled, too long,
 * another list's, a value PostgreSQL would refuse), and each list decides whether that means
 * a 400 or the first page. A cursor never reaches SQL unchecked, so it can never cause a 500.
 */

/** Room for the longest text key (200 characters of up to 4 UTF-8 bytes each) in base64. */
export const MAX_CURSOR_LENGTH = 1_200;

export type CursorCodec<T> = {
  encode: (value: T) => string;
  /** The value, or null when `text` is not a cursor this codec made. */
  decode: (text: string | null | undefined) => T | null;
  /**
   * A page from rows read with one more than `limit`: the first `limit` rows, and the cursor
   * after the last of them when the extra row shows there is more (else null).
   */
  page: <Row>(rows: Row[], limit: number, keyOf: (row: Row) => T) => { rows: Row[]; nextCursor: string | null };
};

/**
 * A codec for one list: `toFields` writes the value as JSON values, `fields` reads them back
 * (a zod schema of the tuple after the list name, built from the field types below).
 */
export function defineCursor<T>(
  list: string,
  codec: { toFields: (value: T) => unknown[]; fields: z.ZodType<T> },
): CursorCodec<T> {
  const encode = (value: T) => Buffer.from(JSON.stringify([list, ...codec.toFields(value)])).toString('base64url');
  return {
    encode,
    page: (rows, limit, keyOf) => {
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return { rows: page, nextCursor: rows.length > limit && last !== undefined ? encode(keyOf(last)) : null };
    },
    decode: (text) => {
      if (!text || text.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
      let tuple: unknown;
      try {
        tuple = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
      } catch {
        return null;
      }
      if (!Array.isArray(tuple) || tuple[0] !== list) return null;
      const parsed = codec.fields.safeParse(tuple.slice(1));
      return parsed.success ? parsed.data : null;
    },
  };
}

/** The field types a cursor may hold, each limited to what PostgreSQL accepts for its column. */
export const cursorField = {
  /** A timestamp as ISO 8601 UTC (`toISOString()`), read back as a Date; years 1 to 9999. */
  time: z.iso
    .datetime()
    .transform((text) => new Date(text))
    .refine((date) => !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1),
  /** A row id (PostgreSQL uuid). */
  uuid: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i),
  /** A text key (a reference, Debitura's event id): non-empty, bounded, no NUL (text cannot hold it). */
  text: z
    .string()
    .min(1)
    .max(200)
    .refine((text) => !text.includes('\u0000')),
  /** A bigint column (ids, minor units) as decimal text, within PostgreSQL's int8. */
  bigint: z
    .string()
    .regex(/^-?\d{1,19}$/)
    .transform((text) => BigInt(text))
    .refine((value) => value >= -(2n ** 63n) && value < 2n ** 63n),
};
