import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it('doubles from 2 s and caps at 10 minutes', () => {
    const mid = () => 0.5;
    expect(retryDelayMs(1, null, mid)).toBe(2_000);
    expect(retryDelayMs(2, null, mid)).toBe(4_000);
    expect(retryDelayMs(3, null, mid)).toBe(8_000);
    expect(retryDelayMs(30, null, mid)).toBe(600_000);
  });

  it('jitters within ±20 %', () => {
    expect(retryDelayMs(2, null, () => 0)).toBe(3_200);
    expect(retryDelayMs(2, null, () => 1)).toBe(4_800);
  });

  it('waits at least as long as Retry-After asks, within the cap', () => {
    expect(retryDelayMs(1, 30_000, () => 0.5)).toBe(30_000);
    expect(retryDelayMs(1, 3_600_000, () => 0.5)).toBe(600_000);
  });
});
