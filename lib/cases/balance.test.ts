import { describe, expect, it } from 'vitest';
import { computeBalance } from './balance';

describe('computeBalance', () => {
  it('tells unpaid, partial, paid and overpaid apart', () => {
    expect(computeBalance(10_000n, 1_000n, 0n)).toMatchObject({
      status: 'unpaid',
      dueMinor: 11_000n,
      remainingMinor: 11_000n,
      percentPaid: 0,
    });
    expect(computeBalance(10_000n, 1_000n, 5_500n)).toMatchObject({
      status: 'partial',
      remainingMinor: 5_500n,
      percentPaid: 50,
    });
    expect(computeBalance(10_000n, 1_000n, 11_000n)).toMatchObject({
      status: 'paid',
      remainingMinor: 0n,
      overpaidMinor: 0n,
      percentPaid: 100,
    });
    expect(computeBalance(10_000n, null, 12_345n)).toMatchObject({
      status: 'overpaid',
      remainingMinor: 0n,
      overpaidMinor: 2_345n,
      percentPaid: 100,
    });
  });

  it('is unknown until the original amount is known', () => {
    expect(computeBalance(null, null, 500n)).toMatchObject({ status: 'unknown', dueMinor: null, percentPaid: null });
  });

  it('stays exact beyond 2^53 minor units', () => {
    const huge = 2n ** 60n;
    expect(computeBalance(huge, 0n, huge - 1n)).toMatchObject({
      status: 'partial',
      remainingMinor: 1n,
      percentPaid: 99,
    });
  });
});

describe('unconfirmed payments', () => {
  it('are kept apart: they change neither what is paid nor the status', () => {
    expect(computeBalance(10_000n, 0n, 4_000n, 6_000n)).toMatchObject({
      status: 'partial',
      paidMinor: 4_000n,
      remainingMinor: 6_000n,
      unconfirmedMinor: 6_000n,
    });
    expect(computeBalance(null, null, 0n, 500n)).toMatchObject({ status: 'unknown', unconfirmedMinor: 500n });
  });
});
