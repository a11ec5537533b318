import type { CaseListItem } from './case-list';

/** A list row as JSON: money as integer minor units (numbers), times as ISO 8601. */
export function toCaseListJson(item: CaseListItem) {
  return {
    reference: item.reference,
    creditorReference: item.creditorReference,
    debtorName: item.debtorName,
    creditorName: item.creditorName,
    state: item.state,
    closeCode: item.closeCode,
    engagementPhase: item.engagementPhase,
    isTest: item.isTest,
    currency: item.currency,
    originalAmountMinor: minor(item.originalAmountMinor),
    paidMinor: minor(item.paidMinor),
    outstandingMinor: minor(item.outstandingMinor),
    assignedAt: item.assignedAt?.toISOString() ?? null,
    lastActivityAt: item.lastActivityAt?.toISOString() ?? null,
    assignee: item.assignee,
    unreadChatCount: item.unreadCount,
  };
}

const minor = (value: bigint | null) => (value === null ? null : Number(value));
