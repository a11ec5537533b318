// @ts-check
// Plain JS so next.config.js can import it without a build step; proxy.ts uses it too.

/**
 * The Content-Security-Policy. In production every page gets its own nonce from proxy.ts, and
 * scripts run only with it ('strict-dynamic' lets those load Next's chunks): no
 * 'unsafe-inline' for scripts, so injected markup cannot run code. Without a nonce (the dev
 * server, which also needs 'unsafe-eval' for hot reloading) inline scripts are allowed.
 * Styles keep 'unsafe-inline': React and Next set style attributes.
 * @param {{ nonce?: string | null, isDev?: boolean }} options
 */
export function contentSecurityPolicy({ nonce = null, isDev = false }) {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${isDev ? ' ws: wss:' : ''}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** For responses that are never HTML pages a browser renders (the JSON API, webhooks). */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** HSTS for a site served over HTTPS: two years, subdomains included. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * Headers next.config.js sends with every response. In production, pages get their CSP (with
 * a nonce) and HSTS from proxy.ts, which runs per request and knows AUTH_URL at run time.
 * @param {boolean} isDev
 */
export function securityHeaders(isDev) {
  return [
    ...(isDev ? [{ key: 'Content-Security-Policy', value: contentSecurityPolicy({ isDev }) }] : []),
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ];
}
