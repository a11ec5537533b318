import { normalizeEngagementPhase } from '@/lib/cases/engagement-phases';
import { isCurrencyCode, toMinorUnits } from '@/lib/money/currency';
import { parseTimestamp, toKey } from '@/lib/webhooks/envelope';
import { enumFromWire, isPlainObject } from '@/lib/webhooks/normalize';
import { ApplyError } from './errors';

/**
 * Case detail (debtor, creditor, amounts, currency...) as the `cases` columns hold it, from
 * the API's InvoiceDto or from the same fields inside a case.assigned payload. Absent fields
 * are null: the latest assignment decides the detail as a whole, whatever order events came in.
 */
export type CaseDetail = {
  debituraCaseId: string | null;
  creditorReference: string | null;
  currency: string | null;
  originalAmountMinor: bigint | null;
  addedFeesMinor: bigint | null;
  /** Fee breakdown in minor units (JSON numbers). */
  fees: Record<string, number> | null;
  debtor: Record<string, unknown> | null;
  debtorName: string | null;
  creditor: Record<string, unknown> | null;
  creditorName: string | null;
  dateCreated: Date | null;
  dueDate: Date | null;
  engagementPhase: string | null;
  isTestCase: boolean;
};

const FEE_FIELDS = ['interestFees', 'reminderFees', 'collectionFees'] as const;

/** `source` has camelCase keys (see normalizeKeys). Throws ApplyError on unusable amounts. */
export function mapCaseDetail(source: Record<string, unknown>): CaseDetail {
  const currency =
    typeof source.currency === 'string' && isCurrencyCode(source.currency.trim().toUpperCase())
      ? source.currency.trim().toUpperCase()
      : null;
  const money = (field: string): bigint | null => {
    const value = source[field];
    if (value === undefined || value === null || value === '') return null;
    if (!currency) throw new ApplyError(`${field} is given but the case has no valid currency`);
    if (typeof value !== 'number' && typeof value !== 'string') throw new ApplyError(`${field} is not an amount`);
    try {
      return toMinorUnits(value, currency);
    } catch (error) {
      throw new ApplyError(`${field}: ${(error as Error).message}`);
    }
  };

  const fees: Record<string, number> = {};
  let feeSum: bigint | null = null;
  for (const field of FEE_FIELDS) {
    const minor = money(field);
    if (minor === null) continue;
    fees[field] = Number(minor);
    feeSum = (feeSum ?? 0n) + minor;
  }
  const debtor = isPlainObject(source.debtor) ? source.debtor : null;
  const creditor = isPlainObject(source.creditor) ? source.creditor : null;

  return {
    debituraCaseId: toKey(source.caseId ?? source.id),
    creditorReference: text(source.creditorReference),
    currency,
    originalAmountMinor: money('grossAmount') ?? money('originalAmount'),
    addedFeesMinor: money('totalAddedFees') ?? feeSum,
    fees: Object.keys(fees).length ? fees : null,
    debtor,
    debtorName:
      text(debtor?.name) ?? text(source.debtorName) ?? (typeof source.debtor === 'string' ? text(source.debtor) : null),
    creditor,
    creditorName:
      text(creditor?.companyName) ??
      text(creditor?.name) ??
      text(source.creditorName) ??
      (typeof source.creditor === 'string' ? text(source.creditor) : null),
    dateCreated: parseTimestamp(source.dateCreated),
    dueDate: parseTimestamp(source.dueDate),
    engagementPhase: enumFromWire(source.currentEngagementPhase ?? source.engagementPhase, normalizeEngagementPhase),
    isTestCase: source.isTestCase === true,
  };
}

/** Enough to show the case without asking the API. */
export function isDetailComplete(detail: CaseDetail): boolean {
  return Boolean(detail.debtorName && detail.creditorName && detail.currency && detail.originalAmountMinor !== null);
}

export function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed || null;
}
