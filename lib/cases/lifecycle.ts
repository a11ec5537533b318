import { addMonths } from '@/lib/deadlines/months';
import { enumNormalizer } from '@/lib/validation/enum-names';

/**
 * Lifecycle states: the API names Casedesk stores in `cases.state`, the other spellings
 * Debitura uses for them, and the groups pages and queries need. What people read is the
 * `vocabulary` catalog (`lifecycle.<State>`), so a state reads the same on every page.
 */

export const LIFECYCLE_STATES = [
  'PendingContractSigning',
  'PendingVerificationInternal',
  'PendingVerification',
  'NeedsAdditionalDetails',
  'Leads',
  'LeadsQuoteGiven',
  'Active',
  'Paused',
  'Closed',
  'Merged',
] as const;

export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

/** The states a partner normally sees, in the order the list shows them as tabs. */
export const PARTNER_STATES: readonly LifecycleState[] = [
  'PendingVerification',
  'Active',
  'NeedsAdditionalDetails',
  'Paused',
  'Closed',
  'Merged',
];

/** A case in one of these is over: nobody works it any more. Every other state (or none yet) is open. */
export const ENDED_STATES: readonly LifecycleState[] = ['Closed', 'Merged'];

export function isLifecycleState(value: unknown): value is LifecycleState {
  return typeof value === 'string' && (LIFECYCLE_STATES as readonly string[]).includes(value);
}

export function isEndedState(state: string | null | undefined): boolean {
  const known = normalizeLifecycle(state);
  return known !== null && ENDED_STATES.includes(known);
}

/** The API name for a state in any spelling Debitura uses, or null if unknown. */
export const normalizeLifecycle = enumNormalizer(LIFECYCLE_STATES, {
  // Display forms seen in API responses.
  'More Info Required': 'NeedsAdditionalDetails',
  'More information required': 'NeedsAdditionalDetails',
  'Pending contract': 'PendingContractSigning',
  Lead: 'Leads',
  'Lead, quote given': 'LeadsQuoteGiven',
});

/** Active cases run a 6-month exclusive collection period from assignment. */
export const EXCLUSIVE_PERIOD_MONTHS = 6;

export function exclusivePeriodEnd(activeSince: Date): Date {
  // 31 August + 6 months is the last day of February, not 3 March (PostgreSQL's interval agrees).
  return addMonths(activeSince, EXCLUSIVE_PERIOD_MONTHS);
}
