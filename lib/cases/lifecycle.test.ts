import { describe, expect, it } from 'vitest';
import { ENDED_STATES, exclusivePeriodEnd, isEndedState, LIFECYCLE_STATES, normalizeLifecycle } from './lifecycle';

describe('lifecycle states', () => {
  it.each([
    ['Active', 'Active'],
    ['ACTIVE', 'Active'],
    ['Pending verification', 'PendingVerification'],
    ['pending-verification', 'PendingVerification'],
    ['Pending verification (internal)', 'PendingVerificationInternal'],
    ['More Info Required', 'NeedsAdditionalDetails'],
    ['NEEDS_ADDITIONAL_DETAILS', 'NeedsAdditionalDetails'],
    ['Lead, quote given', 'LeadsQuoteGiven'],
    ['Lead', 'Leads'],
  ])('normalizes %j to %s', (input, expected) => expect(normalizeLifecycle(input)).toBe(expected));

  it('gives null for what is not a known state', () => {
    expect(normalizeLifecycle('Sideways')).toBeNull();
    expect(normalizeLifecycle('')).toBeNull();
    expect(normalizeLifecycle(null)).toBeNull();
  });

  it('counts Closed and Merged as ended, everything else (and no state yet) as open', () => {
    expect(ENDED_STATES).toEqual(['Closed', 'Merged']);
    expect(isEndedState('closed')).toBe(true);
    expect(isEndedState('Merged')).toBe(true);
    for (const state of LIFECYCLE_STATES.filter((state) => !ENDED_STATES.includes(state))) {
      expect(isEndedState(state)).toBe(false);
    }
    expect(isEndedState(null)).toBe(false);
    expect(isEndedState('Hibernating')).toBe(false);
  });

  it('ends the exclusive period six months later, clamped to the month end', () => {
    expect(exclusivePeriodEnd(new Date('2026-05-10T09:00:00Z')).toISOString()).toBe('2026-11-10T09:00:00.000Z');
    expect(exclusivePeriodEnd(new Date('2026-08-31T09:00:00Z')).toISOString()).toBe('2027-02-28T09:00:00.000Z');
  });
});
