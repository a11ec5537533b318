import { db } from '@/lib/db';
import { summarizeAction, type SummaryWords } from '@/lib/outbox/summary';

/**
 * What Casedesk sent to Debitura that did not get through: `failed` actions (refused, or out
 * of automatic attempts) wait for an admin's retry; `pending` ones that already failed an
 * attempt are being retried in the background and are shown for context.
 */

export type OutboxRow = {
  id: string;
  kind: string;
  caseReference: string;
  summary: string;
  status: string;
  actorName: string | null;
  actorEmail: string | null;
  at: Date;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  errorCode: string | null;
};

export const OUTBOX_LIMIT = 200;

type ListStatus = 'failed' | 'retrying';

const whereOf = (status: ListStatus) =>
  status === 'failed' ? { status: 'failed' } : { status: 'pending', lastError: { not: null } };

export async function listOutbox(status: ListStatus, words?: SummaryWords, limit = OUTBOX_LIMIT): Promise<OutboxRow[]> {
  const rows = await db.outboundAction.findMany({
    where: whereOf(status),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      id: true,
      kind: true,
      status: true,
      payload: true,
      createdAt: true,
      attempts: true,
      nextAttemptAt: true,
      lastError: true,
      errorCode: true,
      case: { select: { reference: true } },
      actor: { select: { email: true, name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    caseReference: row.case.reference,
    summary: summarizeAction(row.kind, row.payload, words),
    status: row.status,
    actorName: row.actor?.name ?? null,
    actorEmail: row.actor?.email ?? null,
    at: row.createdAt,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    errorCode: row.errorCode,
  }));
}

export async function countOutbox(): Promise<{ failed: number; retrying: number }> {
  const [failed, retrying] = await Promise.all([
    db.outboundAction.count({ where: whereOf('failed') }),
    db.outboundAction.count({ where: whereOf('retrying') }),
  ]);
  return { failed, retrying };
}
