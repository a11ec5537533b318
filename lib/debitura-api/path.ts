/**
 * Ids and references Casedesk puts into API paths come from webhooks and forms. Each must be
 * one path segment that cannot walk the URL: `.` and `..` (which URL parsing would resolve)
 * and control characters are refused; everything else is percent-encoded.
 */
export class UnsafePathSegmentError extends Error {
  constructor(value: unknown) {
    super(`Not a usable id or reference for Debitura's API: ${JSON.stringify(String(value)).slice(0, 80)}`);
    this.name = 'UnsafePathSegmentError';
  }
}

const MAX_SEGMENT_LENGTH = 256;

export function pathSegment(value: string): string {
  if (
    typeof value !== 'string' ||
    !value ||
    value.length > MAX_SEGMENT_LENGTH ||
    value.trim() === '.' ||
    value.trim() === '..' ||
    /[\u0000-\u001f\u007f]/.test(value)
  ) {
    throw new UnsafePathSegmentError(value);
  }
  return encodeURIComponent(value);
}

/** Builds a path from literal parts and untrusted segments: path`/cases/${id}/payments`. */
export function apiPath(strings: TemplateStringsArray, ...segments: string[]): string {
  return strings.reduce(
    (path, part, index) => path + part + (index < segments.length ? pathSegment(segments[index]) : ''),
    '',
  );
}
