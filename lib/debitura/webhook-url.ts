import { isIP } from 'node:net';
import { authUrl } from '@/lib/auth/config';

/**
 * The URL Debitura posts webhooks to, checked against Debitura's own endpoint rules (HTTPS,
 * port 443 or 8443, no private or loopback address) before we ask it to register the URL, so
 * the admin sees the reason here rather than a bare 400 from Debitura. The one exception is a
 * loopback DEBITURA_API_URL: the simulator's fake API in the demo and the tests, which posts
 * plain HTTP to localhost.
 */

export const WEBHOOK_PATH = '/api/webhooks/debitura';

export type UrlProblem = 'invalid' | 'not_https' | 'bad_port' | 'private_address' | 'too_long';

export type UrlCheck = { ok: true; url: string } | { ok: false; problem: UrlProblem };

/** AUTH_URL + the webhook path, or null when the app does not know its public URL. */
export function defaultWebhookUrl(): string | null {
  const base = authUrl()?.trim();
  return base ? base.replace(/\/+$/, '') + WEBHOOK_PATH : null;
}

export function checkWebhookUrl(raw: string, apiBaseUrl: string | null): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'invalid' };
  if (url.username || url.password) return { ok: false, problem: 'invalid' };
  if (url.href.length > 1024) return { ok: false, problem: 'too_long' };
  if (apiBaseUrl && isLoopbackUrl(apiBaseUrl)) return { ok: true, url: url.href };
  if (url.protocol !== 'https:') return { ok: false, problem: 'not_https' };
  if (url.port && url.port !== '443' && url.port !== '8443') return { ok: false, problem: 'bad_port' };
  if (isPrivateHost(url.hostname)) return { ok: false, problem: 'private_address' };
  return { ok: true, url: url.href };
}

export function isLoopbackUrl(raw: string): boolean {
  try {
    const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host);
  } catch {
    return false;
  }
}

/** Literal private, loopback, link-local and unspecified addresses, and local-only names. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) {
    return true;
  }
  const version = isIP(host);
  if (version === 4) return isPrivateIpv4(host);
  if (version === 6) {
    // IPv4-mapped (the URL parser writes ::ffff:10.0.0.1 as ::ffff:a00:1).
    const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
    if (mapped) {
      const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
      return isPrivateIpv4([high >> 8, high & 255, low >> 8, low & 255].join('.'));
    }
    return host === '::' || host === '::1' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
  }
  return false;
}

function isPrivateIpv4(address: string): boolean {
  const [a, b] = address.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}
