import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './case-detail';

describe('retryDelayMs', () => {
  it('doubles from 2 s and stops growing at 30 min', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(retryDelayMs(30)).toBe(30 * 60_000);
  });

  it("honours the API's Retry-After when it asks for longer", () => {
    expect(retryDelayMs(1, 60_000)).toBe(60_000);
    expect(retryDelayMs(5, 1_000)).toBe(32_000);
  });
});
