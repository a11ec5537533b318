/**
 * Keyset cursors for the admin lists, newest first: a cursor names the last row shown by
 * its time and id, and the next page starts right after it (no OFFSET, so a deep page
 * costs what the first one does). Opaque to the URL (base64url JSON).
 */
export type TimeCursor = { at: Date; id: string };

export function encodeTimeCursor(cursor: TimeCursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString('base64url');
}

/** Null for anything that is not a cursor this module made: the list starts from the top. */
export function decodeTimeCursor(text: string | undefined): TimeCursor | null {
  if (!text) return null;
  try {
    const tuple: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(tuple) || tuple.length !== 2) return null;
    const [at, id] = tuple as unknown[];
    if (typeof at !== 'string' || typeof id !== 'string' || id.length === 0 || id.length > 200) return null;
    const date = new Date(at);
    return Number.isNaN(date.getTime()) ? null : { at: date, id };
  } catch {
    return null;
  }
}

/** For tables keyed by a growing BIGSERIAL (audit log, rejected deliveries): the id alone orders them. */
export function encodeIdCursor(id: bigint): string {
  return id.toString();
}

export function decodeIdCursor(text: string | undefined): bigint | null {
  return text && /^\d{1,19}$/.test(text) ? BigInt(text) : null;
}
