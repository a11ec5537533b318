/**
 * A real cursor with one field replaced, as someone editing the URL would: the field is
 * counted from the end of the cursor's JSON tuple (the id is last), so the edit does not
 * depend on what comes before it.
 */
export function editCursor(cursor: string, fromEnd: number, value: unknown): string {
  const tuple = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
  tuple[tuple.length - fromEnd] = value;
  return Buffer.from(JSON.stringify(tuple)).toString('base64url');
}
