import { z } from 'zod';
import { cursorField, defineCursor } from '@/lib/pagination/cursor';

/**
 * The admin lists' keyset cursors, newest first (on the one codec in lib/pagination/cursor.ts).
 * A bad cursor decodes to null and the list starts from the top.
 */

/** Deliveries: by the time received, then Debitura's event id (its text key). */
export const deliveryCursor = defineCursor<{ at: Date; id: string }>('deliveries', {
  toFields: ({ at, id }) => [at.toISOString(), id],
  fields: z.tuple([cursorField.time, cursorField.text]).transform(([at, id]) => ({ at, id })),
});

/** Tables keyed by a growing BIGSERIAL, where the id alone orders the rows. */
function idCursor(list: string) {
  return defineCursor<bigint>(list, {
    toFields: (id) => [id.toString()],
    fields: z.tuple([cursorField.bigint]).transform(([id]) => id),
  });
}

export const auditCursor = idCursor('audit');
export const rejectedCursor = idCursor('rejected');
