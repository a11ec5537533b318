import type pg from 'pg';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Telling every app instance that a case changed: a PostgreSQL NOTIFY on one channel, sent
 * inside the transaction that made the change, so it goes out exactly when the change
 * commits (and never for a change that rolled back). Each instance LISTENs once
 * (lib/live/listener.ts) and fans the notice out to its open Server-Sent Events streams.
 * The payload carries the case's assignee, so a stream shows collectors only their cases.
 */

export const LIVE_CHANNEL = 'casedesk_live';

/** What changed. Pages refresh on any of them; scripts can filter. */
export const LIVE_KINDS = [
  'case.changed',
  'chat.message',
  'case.assigned',
  'action.confirmed',
  // An action on the case moved on without being confirmed: sent, or failed.
  'action.changed',
  'work.changed',
] as const;
export type LiveKind = (typeof LIVE_KINDS)[number];

export type LiveEvent = { kind: LiveKind; reference: string; assigneeId: string | null };

const NOTIFY_SQL = `SELECT pg_notify($1, json_build_object('kind', $2::text, 'reference', c.reference,
  'assigneeId', c.assignee_id)::text) FROM cases c WHERE c.reference = ANY($3::text[])`;

/** Through a Prisma transaction client (or `db`): one notice per case. */
export async function notifyLive(
  tx: Pick<Prisma.TransactionClient, '$executeRawUnsafe'>,
  kind: LiveKind,
  references: string | string[],
): Promise<void> {
  const list = typeof references === 'string' ? [references] : [...new Set(references)];
  if (list.length) await tx.$executeRawUnsafe(NOTIFY_SQL, LIVE_CHANNEL, kind, list);
}

/** Through a node-postgres client in a transaction: one notice per case. */
export async function notifyLiveMany(client: pg.ClientBase, kind: LiveKind, references: string[]): Promise<void> {
  if (!references.length) return;
  await client.query(NOTIFY_SQL, [LIVE_CHANNEL, kind, [...new Set(references)]]);
}

/**
 * One notice per case of the outbox actions `actionIds` (a reply's delivery changed, actions
 * confirmed), through a Prisma transaction client or `db`.
 */
export async function notifyLiveForActions(
  tx: Pick<Prisma.TransactionClient, '$executeRaw'>,
  kind: LiveKind,
  actionIds: string[],
): Promise<void> {
  if (!actionIds.length) return;
  await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, json_build_object('kind', ${kind}::text,
      'reference', c.reference, 'assigneeId', c.assignee_id)::text)
    FROM cases c WHERE c.id IN (SELECT a.case_id FROM outbound_actions a WHERE a.id = ANY(${actionIds}::uuid[]))`;
}

/** Parses a notice's payload; null for anything not ours. */
export function parseLiveEvent(payload: string | undefined): LiveEvent | null {
  try {
    const value = JSON.parse(payload ?? '') as Partial<LiveEvent>;
    if (!(LIVE_KINDS as readonly unknown[]).includes(value.kind) || typeof value.reference !== 'string') return null;
    return { kind: value.kind!, reference: value.reference, assigneeId: value.assigneeId ?? null };
  } catch {
    return null;
  }
}
