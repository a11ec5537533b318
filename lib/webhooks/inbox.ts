import type pg from 'pg';
import type { ParsedEnvelope } from './envelope';

/** The webhook inbox (`webhook_events`): the hot path's SQL. Refusals are counted in rejections.ts. */

export type InboxEntry = {
  envelope: ParsedEnvelope;
  rawBody: string;
  headers: Record<string, string>;
  isTest: boolean;
  isReplay: boolean;
  secretId: string;
};

/**
 * The one statement per delivery. DO NOTHING rather than DO UPDATE on purpose: it never waits
 * for the row lock the applier holds on a claimed event, so a duplicate answers at once; the
 * duplicate counter is bumped afterwards (recordDuplicate), off the response path.
 * Returns whether the event is new.
 */
export async function storeEvent(pool: pg.Pool, entry: InboxEntry): Promise<boolean> {
  const { envelope } = entry;
  const result = await pool.query({
    name: 'webhook-inbox-insert',
    text: `INSERT INTO webhook_events (id, type, occurred_at, case_reference, raw_body, headers, is_test, is_replay, secret_id, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
    values: [
      envelope.id,
      envelope.type,
      envelope.occurredAt,
      envelope.caseReference,
      entry.rawBody,
      JSON.stringify(entry.headers),
      entry.isTest,
      entry.isReplay,
      entry.secretId,
      envelope.isKnownType ? 'received' : 'ignored',
    ],
  });
  return result.rowCount === 1;
}

export async function recordDuplicate(pool: pg.Pool, id: string): Promise<void> {
  await pool.query({
    name: 'webhook-inbox-duplicate',
    text: 'UPDATE webhook_events SET duplicate_count = duplicate_count + 1, last_duplicate_at = now() WHERE id = $1',
    values: [id],
  });
}
