import type { CaseDetail } from './detail';
import type { DomainEvent } from './events';

/**
 * The case row as the applier sees it under its row lock, and the pure rule for folding one
 * event into it. Every field is either a last-writer-wins register keyed by (event time,
 * event id), a maximum, or a sticky flag, so the result does not depend on the order events
 * arrive in (test/integration/webhook-order.test.ts proves it over permutations).
 */
/** The detail columns the latest assignment decides as a whole (absent in its payload: null). */
const DETAIL_FIELDS = [
  'creditorReference',
  'currency',
  'originalAmountMinor',
  'addedFeesMinor',
  'fees',
  'debtor',
  'debtorName',
  'creditor',
  'creditorName',
  'dateCreated',
  'dueDate',
  'engagementPhase',
] as const satisfies readonly (keyof CaseDetail)[];
type DetailField = (typeof DETAIL_FIELDS)[number];

export type CaseRecord = Omit<CaseDetail, 'isTestCase'> & {
  id: string;
  reference: string;
  state: string | null;
  stateAt: Date | null;
  stateEventId: string | null;
  closeCode: string | null;
  closeComment: string | null;
  closedAt: Date | null;
  isTest: boolean;
  assignedAt: Date | null;
  detailAt: Date | null;
  lastActivityAt: Date | null;
  detailStatus: string;
  detailAttempts: number;
  detailNextAttemptAt: Date | null;
  detailError: string | null;
};

/**
 * Whether the event is the latest of its kind for the registers without their own event-id
 * column (close, assignment). Computed by the caller, which can look at the timeline for ties.
 */
export type Precedence = { isLatestClose: boolean; isLatestAssignment: boolean };

export function foldEvent(record: CaseRecord, event: DomainEvent, precedence: Precedence, now: Date): CaseRecord {
  const next: CaseRecord = { ...record };
  next.isTest ||= event.isTest;
  next.debituraCaseId ??= event.debituraCaseId;
  if (!next.lastActivityAt || event.at > next.lastActivityAt) next.lastActivityAt = event.at;

  const newState = stateOf(event);
  if (newState && isLaterThan(event, record.stateAt, record.stateEventId)) {
    next.state = newState;
    next.stateAt = event.at;
    next.stateEventId = event.id;
  }

  if (event.type === 'case.closed' && precedence.isLatestClose) {
    next.closeCode = event.closeCode;
    next.closeComment = event.comment;
    next.closedAt = event.at;
  }

  if (event.type === 'case.assigned' && precedence.isLatestAssignment) {
    const { detail } = event;
    for (const field of DETAIL_FIELDS) (next as Record<DetailField, unknown>)[field] = detail[field];
    next.debituraCaseId = detail.debituraCaseId ?? next.debituraCaseId;
    next.isTest ||= detail.isTestCase;
    next.assignedAt = event.assignedAt;
    next.detailAt = event.at;
    next.detailError = null;
    next.detailAttempts = 0;
    // Detail missing from the payload is fetched from the API after the acknowledgement.
    next.detailStatus = event.isDetailComplete ? 'done' : 'pending';
    next.detailNextAttemptAt = event.isDetailComplete ? null : now;
  }
  return next;
}

export function stateOf(event: DomainEvent): string | null {
  if (event.type === 'case.assigned') return event.lifecycle;
  if (event.type === 'case.updated') return event.toState;
  if (event.type === 'case.closed') return 'Closed';
  return null;
}

/** (time, id) order: the later time wins; the same millisecond, the larger event id. */
export function isLaterThan(event: { at: Date; id: string }, at: Date | null, id: string | null): boolean {
  if (!at) return true;
  if (event.at.getTime() !== at.getTime()) return event.at > at;
  return id === null || compareIds(event.id, id) > 0;
}

/** Byte order of the UTF-8 text, the same as PostgreSQL's `COLLATE "C"`. */
export function compareIds(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

export function compareEvents(a: { at: Date; id: string }, b: { at: Date; id: string }): number {
  return a.at.getTime() - b.at.getTime() || compareIds(a.id, b.id);
}
