import { describe, expect, it } from 'vitest';
import { PermanentApiError, RetryableApiError } from '@/lib/debitura-api/client';
import { nextDetailDelayMs, retryDelayMs } from './case-detail';

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

describe('nextDetailDelayMs', () => {
  it('retries a 4xx from 5 minutes on, slower than a 5xx, and gives up only after many attempts', () => {
    const notFound = new PermanentApiError('HTTP 404 Case not found', 404);
    expect(nextDetailDelayMs(notFound, 1)).toBe(5 * 60_000);
    expect(nextDetailDelayMs(notFound, 2)).toBe(10 * 60_000);
    expect(nextDetailDelayMs(new PermanentApiError('HTTP 401', 401), 10)).toBe(6 * 3_600_000);
    expect(nextDetailDelayMs(notFound, 20)).toBeNull();
    expect(nextDetailDelayMs(new RetryableApiError('HTTP 503', 503), 1)).toBe(2_000);
    expect(nextDetailDelayMs(new RetryableApiError('HTTP 503', 503), 12)).toBeNull();
  });

  it('does not retry an answer that cannot be used', () => {
    expect(nextDetailDelayMs(new PermanentApiError('the answer is not JSON', 200), 1)).toBeNull();
    expect(nextDetailDelayMs(new Error('bad data'), 1)).toBeNull();
  });
});
