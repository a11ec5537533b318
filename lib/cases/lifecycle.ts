import { addMonths } from '@/lib/deadlines/months';

/**
 * Lifecycle states (CONTRACT "Lifecycle states") and engagement phases: API names, the
 * names people read, and how each state's badge looks.
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

export type BadgeTone = 'green' | 'amber' | 'orange' | 'blue' | 'slate' | 'violet' | 'red';

const STATES: Record<LifecycleState, { label: string; tone: BadgeTone }> = {
  PendingContractSigning: { label: 'Pending contract signing', tone: 'slate' },
  PendingVerificationInternal: { label: 'Pending verification (internal)', tone: 'slate' },
  PendingVerification: { label: 'Pending verification', tone: 'amber' },
  NeedsAdditionalDetails: { label: 'More info required', tone: 'orange' },
  Leads: { label: 'Lead', tone: 'slate' },
  LeadsQuoteGiven: { label: 'Lead, quote given', tone: 'slate' },
  Active: { label: 'Active', tone: 'green' },
  Paused: { label: 'Paused', tone: 'blue' },
  Closed: { label: 'Closed', tone: 'slate' },
  Merged: { label: 'Merged', tone: 'violet' },
};

function key(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const ALIASES = new Map<string, LifecycleState>();
for (const state of LIFECYCLE_STATES) {
  ALIASES.set(key(state), state);
  ALIASES.set(key(STATES[state].label), state);
}
// Display forms seen in API responses (CONTRACT).
ALIASES.set(key('More Info Required'), 'NeedsAdditionalDetails');
ALIASES.set(key('Needs additional details'), 'NeedsAdditionalDetails');

export function isLifecycleState(value: unknown): value is LifecycleState {
  return typeof value === 'string' && (LIFECYCLE_STATES as readonly string[]).includes(value);
}

/** The API name for a state in any spelling, or null if unknown. */
export function normaliseLifecycle(value: unknown): LifecycleState | null {
  if (typeof value !== 'string') return null;
  return ALIASES.get(key(value)) ?? null;
}

export function lifecycleLabel(state: string | null | undefined): string {
  if (!state) return 'Unknown';
  const known = normaliseLifecycle(state);
  return known ? STATES[known].label : state;
}

export function lifecycleTone(state: string | null | undefined): BadgeTone {
  const known = normaliseLifecycle(state);
  return known ? STATES[known].tone : 'slate';
}

export const ENGAGEMENT_PHASES = ['PreLegal', 'Legal', 'Enforcement'] as const;

const PHASE_LABELS: Record<string, string> = { prelegal: 'Pre-legal', legal: 'Legal', enforcement: 'Enforcement' };

export function engagementPhaseLabel(phase: string | null | undefined): string {
  if (!phase) return 'Not started';
  return PHASE_LABELS[key(phase)] ?? phase;
}

/** Active cases run a 6-month exclusive collection period from assignment (CONTRACT). */
export function exclusivePeriodEnd(activeSince: Date): Date {
  // 31 August + 6 months is the last day of February, not 3 March.
  return addMonths(activeSince, 6);
}
