/**
 * A dynamic route segment as typed: params may arrive still percent-encoded, and a stray `%`
 * (a malformed escape) must not crash the page, so it is taken as is.
 */
export function decodeRouteParam(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
