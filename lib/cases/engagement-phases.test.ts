import { describe, expect, it } from 'vitest';
import { normalizeEngagementPhase } from './engagement-phases';

describe('engagement phases', () => {
  it.each([
    ['PreLegal', 'PreLegal'],
    ['Pre-legal', 'PreLegal'],
    ['Prelegal', 'PreLegal'],
    ['LEGAL', 'Legal'],
    ['enforcement', 'Enforcement'],
  ])('normalizes %j to %s', (input, expected) => expect(normalizeEngagementPhase(input)).toBe(expected));

  it('gives null for what is not a known phase', () => {
    expect(normalizeEngagementPhase('Appeal')).toBeNull();
    expect(normalizeEngagementPhase(2)).toBeNull();
  });
});
