import { db } from '@/lib/db';

/**
 * What the admin overview lists for a person to act on: webhook events that failed or wait for a
 * retry after an error (lib/webhooks/apply-attempts.ts), and cases whose detail could not be
 * fetched from the Collection Partner API (lib/jobs/case-detail.ts). Newest first, a few each.
 */

export const ATTENTION_LIMIT = 10;

export type StuckEvent = {
  id: string;
  type: string;
  caseReference: string | null;
  status: string;
  error: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
  receivedAt: Date;
};

export async function listStuckEvents(limit = ATTENTION_LIMIT): Promise<StuckEvent[]> {
  return db.webhookEvent.findMany({
    where: { OR: [{ status: 'failed' }, { status: 'received', error: { not: null } }] },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      id: true,
      type: true,
      caseReference: true,
      status: true,
      error: true,
      attempts: true,
      nextAttemptAt: true,
      receivedAt: true,
    },
  });
}

export type StuckCaseDetail = {
  id: string;
  reference: string;
  detailStatus: string;
  detailError: string | null;
  detailAttempts: number;
  detailNextAttemptAt: Date | null;
};

export async function listStuckCaseDetails(limit = ATTENTION_LIMIT): Promise<StuckCaseDetail[]> {
  return db.case.findMany({
    where: { detailStatus: { in: ['pending', 'failed'] }, detailError: { not: null } },
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      id: true,
      reference: true,
      detailStatus: true,
      detailError: true,
      detailAttempts: true,
      detailNextAttemptAt: true,
    },
  });
}
