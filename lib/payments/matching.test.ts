import { describe, expect, it } from 'vitest';
import { isCandidate, pickMatches, scoreMatch } from './matching';

describe('scoreMatch', () => {
  it('ranks reference in text above date proximity, and nearer dates above farther ones', () => {
    expect(scoreMatch({ dayDistance: 0, hasReference: true })).toBe(100);
    expect(scoreMatch({ dayDistance: 0, hasReference: false })).toBe(65);
    expect(scoreMatch({ dayDistance: 2, hasReference: false })).toBe(61);
    expect(scoreMatch({ dayDistance: -2, hasReference: false })).toBe(61);
    expect(scoreMatch({ dayDistance: 30, hasReference: true })).toBe(85);
    expect(scoreMatch({ dayDistance: 30, hasReference: true })).toBeGreaterThan(
      scoreMatch({ dayDistance: 0, hasReference: false }),
    );
  });

  it('needs the reference or a date within the window', () => {
    expect(isCandidate({ dayDistance: 14, hasReference: false })).toBe(true);
    expect(isCandidate({ dayDistance: 15, hasReference: false })).toBe(false);
    expect(isCandidate({ dayDistance: 90, hasReference: true })).toBe(true);
  });
});

describe('pickMatches', () => {
  const at = new Date('2026-11-01T00:00:00Z');
  it('gives each payment to one line and each line one payment, surest first', () => {
    const matches = pickMatches([
      { lineId: 'L1', paymentId: 'P1', score: 65, rowNumber: 2, paymentDate: at },
      { lineId: 'L2', paymentId: 'P1', score: 100, rowNumber: 3, paymentDate: at },
      { lineId: 'L1', paymentId: 'P2', score: 60, rowNumber: 2, paymentDate: at },
      { lineId: 'L3', paymentId: 'P2', score: 60, rowNumber: 4, paymentDate: at },
    ]);
    expect(Object.fromEntries(matches)).toEqual({
      L2: { paymentId: 'P1', score: 100 },
      L1: { paymentId: 'P2', score: 60 },
    });
  });
});
