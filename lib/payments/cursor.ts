import { z } from 'zod';
import { cursorField, defineCursor } from '@/lib/pagination/cursor';

/**
 * The payment list's keyset cursor (on the one codec in lib/pagination/cursor.ts): the last
 * row's date (null in the tail of payments known only by their deletion) and id. A bad
 * cursor decodes to null and the list starts from the top.
 */
export const paymentCursor = defineCursor<{ date: Date | null; id: string }>('payments', {
  toFields: ({ date, id }) => [date?.toISOString() ?? null, id],
  fields: z.tuple([cursorField.time.nullable(), cursorField.uuid]).transform(([date, id]) => ({ date, id })),
});
