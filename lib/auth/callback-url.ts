/**
 * Where to go after signing in: only a path on this site (never `//host` or a full URL,
 * which would make the login page an open redirect), and never back to /login.
 */
export function safeCallbackUrl(value: string | null | undefined, fallback = '/cases'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value === '/login' || value.startsWith('/login?') || value.startsWith('/api/')) return fallback;
  return value;
}
