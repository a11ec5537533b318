import type pg from 'pg';
import { getPool } from '@/lib/database/pool';
import { reprocessEvents } from '@/lib/webhooks/applier';
import { parseEnvelope } from '@/lib/webhooks/envelope';

/**
 * Events Casedesk fetched itself (an import's snapshot events, a repair's recovered ones) go
 * into the same inbox as deliveries, keyed by event id, so an event that also arrives by
 * webhook (or came earlier) is stored once, and the same applier applies it. They carry no
 * secret fingerprint (they were not delivered) and a header saying where they came from.
 */

export type FeedSource = 'debitura-import' | 'debitura-repair';

/** Stores the events (those already in the inbox are left alone) and applies what is still waiting. Returns how many were new. */
export async function feedInbox(rawBodies: readonly string[], source: FeedSource, pool: pg.Pool = getPool()) {
  const rows = rawBodies.flatMap((rawBody) => {
    const parsed = parseEnvelope(rawBody);
    return parsed.ok ? [{ envelope: parsed.envelope, rawBody }] : [];
  });
  if (!rows.length) return { stored: 0, failed: 0 };
  const { rowCount } = await pool.query(
    `INSERT INTO webhook_events (id, type, occurred_at, case_reference, raw_body, headers, is_test, is_replay, status)
     SELECT t.id, t.type, t.occurred_at, t.case_reference, t.raw_body, $6::jsonb, t.is_test, false, t.status
     FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $7::boolean[], $8::text[])
       AS t(id, type, occurred_at, case_reference, raw_body, is_test, status)
     ON CONFLICT (id) DO NOTHING`,
    [
      rows.map((row) => row.envelope.id),
      rows.map((row) => row.envelope.type),
      rows.map((row) => row.envelope.occurredAt),
      rows.map((row) => row.envelope.caseReference),
      rows.map((row) => row.rawBody),
      JSON.stringify({ 'x-casedesk-source': source }),
      rows.map((row) => row.envelope.isTest),
      rows.map((row) => (row.envelope.isKnownType ? 'received' : 'ignored')),
    ],
  );
  const { rows: waiting } = await pool.query<{ id: string }>(
    "SELECT id FROM webhook_events WHERE id = ANY($1::text[]) AND status = 'received'",
    [rows.map((row) => row.envelope.id)],
  );
  const result = waiting.length
    ? await reprocessEvents(
        waiting.map((row) => row.id),
        pool,
      )
    : null;
  return { stored: rowCount ?? 0, failed: result?.failed ?? 0 };
}
