/**
 * Where to go after signing in: only a path on this site, never back to /login or the API.
 *
 * The value is parsed the way a browser will parse it (WHATWG URL: tabs and newlines are
 * dropped, backslashes count as slashes), against a stand-in origin; only when the result stays
 * on that origin is it used, re-serialised from the parsed parts. So `/\t/evil.example`, which a
 * browser reads as `//evil.example`, is refused like `//evil.example` itself.
 */
const HOME = 'http://casedesk.invalid';

export function safeCallbackUrl(value: string | null | undefined, fallback = '/cases'): string {
  if (!value || !value.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(value, HOME);
  } catch {
    return fallback;
  }
  if (url.origin !== HOME) return fallback;
  const path = url.pathname + url.search + url.hash;
  if (!path.startsWith('/') || path.startsWith('//')) return fallback;
  if (url.pathname === '/login' || url.pathname === '/api' || url.pathname.startsWith('/api/')) return fallback;
  return path;
}
