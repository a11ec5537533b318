import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { applyPendingEvents } from '@/lib/webhooks/applier';
import { parseEnvelope } from '@/lib/webhooks/envelope';
import { storeEvent } from '@/lib/webhooks/inbox';
import { signatureHeader } from '@/lib/webhooks/signature';

/** Signed deliveries to a running app, and what the integration tests compare afterwards. */

export const TEST_WEBHOOK_SECRET = Buffer.from('casedesk-integration-test-webhook-secret-1').toString('base64');
export const OTHER_WEBHOOK_SECRET = Buffer.from('casedesk-integration-test-webhook-secret-2').toString('base64');

export type Envelope = {
  id: string;
  event: string;
  timestamp: string;
  data: Record<string, unknown>;
  [key: string]: unknown;
};

export function envelope(event: string, data: Record<string, unknown>, overrides: Partial<Envelope> = {}): Envelope {
  return { id: randomUUID(), specVersion: '1.0', event, timestamp: new Date().toISOString(), data, ...overrides };
}

export type SendOptions = {
  secret?: string;
  /** Unix seconds for the signature (default: now). */
  signedAt?: number;
  /** Replaces the computed X-Debitura-Signature; null leaves it out. */
  signature?: string | null;
  headers?: Record<string, string>;
};

export type Delivery = { status: number; body: unknown; text: string };

/** POSTs the body (an object is JSON-encoded) signed as Debitura signs (docs/debitura.md "Headers and signature"). */
export async function sendWebhook(appUrl: string, payload: unknown, options: SendOptions = {}): Promise<Delivery> {
  const body = typeof payload === 'string' || payload instanceof Uint8Array ? payload : JSON.stringify(payload);
  const event =
    typeof payload === 'object' && payload && 'event' in payload ? String((payload as Envelope).event) : 'unknown';
  const signature =
    options.signature === undefined
      ? signatureHeader(options.secret ?? TEST_WEBHOOK_SECRET, body, options.signedAt)
      : options.signature;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-debitura-event': event,
    'x-debitura-timestamp': String(options.signedAt ?? Math.floor(Date.now() / 1000)),
    ...(signature === null ? {} : { 'x-debitura-signature': signature }),
    ...options.headers,
  };
  const response = await fetch(`${appUrl}/api/webhooks/debitura`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body: parsed, text };
}

/**
 * sendWebhook, sent again (up to 3 attempts) if the connection drops: Debitura retries too,
 * and the event id makes a repeat harmless. (A reused keep-alive socket can close under a
 * loaded machine.) Tests that expect connection failures use sendWebhook itself.
 */
export async function sendWebhookRetrying(
  appUrl: string,
  payload: unknown,
  options: SendOptions = {},
): Promise<Delivery> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendWebhook(appUrl, payload, options);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 10_000,
  label = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the applier has handled every stored event (none left `received`). */
export async function waitForInboxDrained(pool: pg.Pool, timeoutMs = 20_000): Promise<void> {
  await waitFor(
    async () => {
      const { rows } = await pool.query("SELECT count(*)::int AS n FROM webhook_events WHERE status = 'received'");
      return rows[0].n === 0;
    },
    timeoutMs,
    'the inbox to drain',
  );
}

/** The domain tables, without generated ids or bookkeeping times: equal dumps mean equal outcomes. */
export async function dumpDomain(pool: pg.Pool) {
  const query = async (sql: string) => (await pool.query(sql)).rows;
  return {
    cases:
      await query(`SELECT reference, debitura_case_id, creditor_reference, state, state_at, state_event_id, close_code,
        close_comment, closed_at, engagement_phase, is_test, currency, original_amount_minor, added_fees_minor, paid_minor,
        outstanding_minor, debtor_name, creditor_name, debtor, creditor, fees, date_created, due_date, assigned_at, detail_at,
        detail_status, last_activity_at
      FROM cases ORDER BY reference`),
    timeline: await query(`SELECT c.reference, e.event_id, e.type, e.at, e.from_state, e.to_state, e.detail
      FROM case_events e JOIN cases c ON c.id = e.case_id ORDER BY e.event_id`),
    payments:
      await query(`SELECT c.reference, p.debitura_payment_id, p.amount_minor, p.currency, p.date, p.recipient, p.method,
        p.created_event_id, p.is_deleted, p.deleted_at
      FROM payments p JOIN cases c ON c.id = p.case_id ORDER BY p.debitura_payment_id`),
    chat: await query(`SELECT c.reference, m.debitura_chat_id, m.direction, m.message, m.author_name, m.author_email, m.author_role, m.at
      FROM chat_messages m JOIN cases c ON c.id = m.case_id ORDER BY m.debitura_chat_id`),
  };
}

export async function countDomainRows(pool: pg.Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query(`SELECT
    (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_events)::int AS timeline,
    (SELECT count(*) FROM payments)::int AS payments, (SELECT count(*) FROM chat_messages)::int AS chat,
    (SELECT count(*) FROM webhook_events)::int AS inbox`);
  return rows[0];
}

/** A seeded PRNG (mulberry32) for permutations: a failing seed can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** The stream shuffled, with about `share` of its events sent a second time at random places. */
export function permuteWithDuplicates<T>(items: readonly T[], random: () => number, share = 0.2): T[] {
  const extra = items.filter(() => random() < share);
  return shuffle([...items, ...extra], random);
}

/**
 * Stores `stream` through the inbox's own statement and applies it with the real applier in
 * this process (no HTTP), `batch()` events per applier pass: for reference results and for
 * many permutations quickly.
 */
export async function ingestDirect(
  pool: pg.Pool,
  stream: readonly Envelope[],
  batch: () => number = () => 1,
): Promise<void> {
  for (let index = 0; index < stream.length;) {
    const size = Math.max(1, batch());
    for (const event of stream.slice(index, index + size)) {
      const rawBody = JSON.stringify(event);
      const parsed = parseEnvelope(rawBody);
      if (!parsed.ok) throw new Error(`${event.id}: ${parsed.reason}`);
      await storeEvent(pool, {
        envelope: parsed.envelope,
        rawBody,
        headers: {},
        isTest: false,
        isReplay: false,
        secretId: 'test',
      });
    }
    index += size;
    while ((await applyPendingEvents(pool)).claimed > 0);
  }
}

export async function resetDomain(pool: pg.Pool): Promise<void> {
  await pool.query('TRUNCATE webhook_events, rejected_deliveries, cases, case_events, payments, chat_messages CASCADE');
}
