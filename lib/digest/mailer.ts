import nodemailer from 'nodemailer';
import { authUrl } from '@/lib/auth/config';

/**
 * The digest's way out: SMTP through nodemailer, configured by SMTP_URL alone
 * (`smtp://user:password@host:587`, `smtps://...:465`; nodemailer's own URL options such as
 * `?requireTLS=true` work too). Unset, Casedesk sends no email. The URL holds a password, so
 * it never reaches a log: errors pass through `describeSendError` first.
 */

export type MailSettings = { url: string; from: string; publicUrl: string };

/**
 * Each SMTP step may hang at most this long (nodemailer's defaults allow ten minutes), well
 * inside the claim's lease (lib/digest/claims.ts), so no other worker takes over a send that is
 * still under way. A URL that sets its own timeouts keeps them.
 */
const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

/** Null when SMTP_URL is unset (no digest); a clear error, without the URL, when it is unusable. */
export function mailSettings(): MailSettings | null {
  const raw = process.env.SMTP_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('SMTP_URL is not a URL (expected smtp://user:password@host:587 or smtps://...).');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//.`);
  }
  for (const [name, ms] of Object.entries(TIMEOUTS)) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, String(ms));
  }
  const publicUrl = authUrl()?.trim();
  if (!publicUrl) throw new Error('AUTH_URL must be set for the digest: its emails link to the queue.');
  const from = process.env.SMTP_FROM?.trim() || `Casedesk <casedesk@${new URL(publicUrl).hostname}>`;
  return { url: url.href, from, publicUrl: publicUrl.replace(/\/+$/, '') };
}

export type Mail = { to: { name: string; address: string }; subject: string; text: string; html: string };

export type Mailer = { send: (mail: Mail) => Promise<void>; close: () => void };

/** One SMTP transport for a pass (a connection per message; closed when the pass ends). */
export function openMailer(settings: MailSettings): Mailer {
  const transport = nodemailer.createTransport(settings.url);
  return {
    send: async (mail) => {
      await transport.sendMail({ from: settings.from, ...mail });
    },
    close: () => transport.close(),
  };
}

/**
 * A send error for logs and the claim row: the SMTP server's code and answer, with every form
 * of the SMTP URL's password and the URL itself blanked out in case a library echoes them.
 */
export function describeSendError(error: unknown, smtpUrl: string | undefined): string {
  const details = error as { code?: unknown; responseCode?: unknown; message?: unknown } | null;
  const message = typeof details?.message === 'string' ? details.message : String(error);
  const code = [details?.code, details?.responseCode].filter(
    (part) => typeof part === 'string' || typeof part === 'number',
  );
  let text = code.length ? `${code.join(' ')}: ${message}` : message;
  for (const secret of secretsOf(smtpUrl)) text = text.split(secret).join('***');
  return text.replace(/\s+/g, ' ').slice(0, 500);
}

function secretsOf(smtpUrl: string | undefined): string[] {
  if (!smtpUrl) return [];
  const secrets = [smtpUrl.trim()];
  try {
    const url = new URL(smtpUrl.trim());
    secrets.push(url.href);
    if (url.password) secrets.push(url.password, decodeURIComponent(url.password));
  } catch {
    // Not a URL: only the raw text is blanked.
  }
  // Longest first, so a password inside the URL does not leave the rest of the URL behind.
  return [...new Set(secrets)].filter((secret) => secret.length >= 3).sort((a, b) => b.length - a.length);
}
