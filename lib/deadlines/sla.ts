/**
 * Debitura's SLA rules as the agency tracks them (docs/debitura.md, "SLA rules and partner
 * scoring"). The numbers live here and nowhere else.
 */

/** A creditor's or Debitura's chat message must be answered within this many business days. */
export const CHAT_REPLY_BUSINESS_DAYS = 2;

/** A new case (PendingVerification) should be confirmed within about one business day. */
export const ACCEPT_CASE_BUSINESS_DAYS = 1;

/** Each Active case needs a progress note to Debitura every month. */
export const MONTHLY_UPDATE_MONTHS = 1;

/** Monthly updates show in the queue this many days before they fall due. */
export const MONTHLY_UPDATE_LEAD_DAYS = 7;

/** The exclusive period's end shows in the queue this many days ahead. */
export const EXCLUSIVE_PERIOD_WARNING_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * The share of the monthly-update credit still to be had at `now` for an update due at
 * `dueAt`, in percent: full on time, half at 3.5 days late, none at 7 days or more (read as
 * a straight line between those points).
 */
export function monthlyUpdateCreditPercent(dueAt: Date, now: Date): number {
  const daysLate = (now.getTime() - dueAt.getTime()) / DAY_MS;
  if (daysLate <= 0) return 100;
  if (daysLate >= 7) return 0;
  return Math.round(100 * (1 - daysLate / 7));
}
