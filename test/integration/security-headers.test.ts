/**
 * The headers of a production `next start` whose public URL is https: every page carries a
 * Content-Security-Policy with a fresh nonce and no 'unsafe-inline' for scripts, every script
 * Next writes into the page carries that nonce, and HSTS is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppServer } from '../helpers/app-server';
import { createTestDatabase } from '../helpers/database';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let app: AppServer;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp({ databaseUrl: database.url, env: { NEXTAUTH_URL: 'https://casedesk.example.test' } });
});

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

function scriptSources(csp: string): string[] {
  const directive = csp.split(';').find((part) => part.trim().startsWith('script-src '));
  return directive?.trim().split(/\s+/).slice(1) ?? [];
}

describe('page security headers in production', () => {
  it('sends a nonce-based CSP without unsafe-inline scripts, with the nonce on every script', async () => {
    const first = await fetch(`${app.url}/login`);
    const csp = first.headers.get('content-security-policy') ?? '';
    const sources = scriptSources(csp);
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'unsafe-eval'");
    const nonce = sources.find((source) => source.startsWith("'nonce-"))?.slice("'nonce-".length, -1);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{20,}={0,2}$/);

    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    // A fresh nonce per response.
    const second = await fetch(`${app.url}/login`);
    expect(second.headers.get('content-security-policy')).not.toBe(csp);
  });

  it('sends HSTS when the public URL is https', async () => {
    const response = await fetch(`${app.url}/login`);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  });

  it('gives the JSON API a CSP that allows nothing', async () => {
    const response = await fetch(`${app.url}/api/health`);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
