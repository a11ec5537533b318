/**
 * Where a case's balance stands, from its minor-unit amounts: what is due (original plus
 * added fees), what the standing payments cover, and whether that is nothing, part, all or
 * more than all of it. Integer arithmetic only. Payments Casedesk recorded with Debitura that
 * have not come back as payment.created yet are kept apart (`unconfirmedMinor`): they count
 * in nothing else until Debitura confirms them.
 */
export type BalanceStatus = 'unknown' | 'unpaid' | 'partial' | 'paid' | 'overpaid';

export type Balance = {
  status: BalanceStatus;
  dueMinor: bigint | null;
  paidMinor: bigint;
  /** What is still owed (never below zero). */
  remainingMinor: bigint | null;
  /** How much more than due was paid; zero unless overpaid. */
  overpaidMinor: bigint;
  /** Whole percent of the due amount paid, 0–100 (capped), null when unknown. */
  percentPaid: number | null;
  /** Sent to Debitura (or about to be), not yet confirmed by its webhook. */
  unconfirmedMinor: bigint;
};

export function computeBalance(
  originalMinor: bigint | null,
  feesMinor: bigint | null,
  paidMinor: bigint,
  unconfirmedMinor = 0n,
): Balance {
  if (originalMinor === null) {
    return {
      status: 'unknown',
      dueMinor: null,
      paidMinor,
      remainingMinor: null,
      overpaidMinor: 0n,
      percentPaid: null,
      unconfirmedMinor,
    };
  }
  const due = originalMinor + (feesMinor ?? 0n);
  const remaining = due - paidMinor;
  const status: BalanceStatus =
    paidMinor <= 0n ? 'unpaid' : remaining > 0n ? 'partial' : remaining === 0n ? 'paid' : 'overpaid';
  const percent = due > 0n ? Number((paidMinor * 100n) / due) : paidMinor > 0n ? 100 : 0;
  return {
    status,
    dueMinor: due,
    paidMinor,
    remainingMinor: remaining > 0n ? remaining : 0n,
    overpaidMinor: remaining < 0n ? -remaining : 0n,
    percentPaid: Math.max(0, Math.min(100, percent)),
    unconfirmedMinor,
  };
}
