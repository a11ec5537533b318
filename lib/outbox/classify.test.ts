import { describe, expect, it } from 'vitest';
import { PermanentApiError, RetryableApiError } from '@/lib/debitura-api/errors';
import { UnsafePathSegmentError } from '@/lib/debitura-api/path';
import { MAX_AUTO_ATTEMPTS } from './backoff';
import { classifyFailure } from './classify';

const mid = () => 0.5;
const refused = (status: number, body: Record<string, unknown> = {}) =>
  new PermanentApiError(`HTTP ${status}`, { status, body });

describe('classifyFailure', () => {
  it('retries 5xx, timeouts and resets with backoff, until the automatic attempts run out', () => {
    const busy = new RetryableApiError('HTTP 503', { status: 503 });
    expect(classifyFailure('close', busy, 1, mid)).toEqual({ type: 'retry', delayMs: 2_000, message: 'HTTP 503' });
    expect(classifyFailure('close', busy, 3, mid)).toMatchObject({ type: 'retry', delayMs: 8_000 });
    expect(classifyFailure('close', busy, MAX_AUTO_ATTEMPTS, mid)).toMatchObject({ type: 'fail', code: 'exhausted' });
  });

  it('waits at least the retryAfter Debitura names on a 429', () => {
    const limited = new RetryableApiError('HTTP 429', { status: 429 }, 42_000);
    expect(classifyFailure('payment_create', limited, 1, mid)).toMatchObject({ type: 'retry', delayMs: 42_000 });
  });

  it("never retries another 4xx, and keeps Debitura's businessErrors message", () => {
    const error = refused(400, { businessErrors: [{ type: 'X', message: 'Add a payment first.' }] });
    expect(classifyFailure('close', error, 1, mid)).toEqual({
      type: 'fail',
      code: 'refused',
      message: 'Add a payment first.',
    });
    expect(classifyFailure('accept', refused(404), 1, mid)).toMatchObject({ type: 'fail', code: 'refused' });
    expect(classifyFailure('payment_create', refused(422), 1, mid)).toMatchObject({ type: 'fail', code: 'refused' });
  });

  it('asks a person to confirm a 409 on edits, deletes and fees; retries a payment key still in flight', () => {
    for (const kind of ['payment_update', 'payment_delete', 'fees'] as const) {
      expect(classifyFailure(kind, refused(409), 1, mid)).toMatchObject({ type: 'fail', code: 'needs_confirmation' });
    }
    expect(classifyFailure('payment_create', refused(409), 1, mid)).toMatchObject({ type: 'retry' });
    expect(classifyFailure('close', refused(409), 1, mid)).toMatchObject({ type: 'fail', code: 'refused' });
  });

  it('refuses an id that cannot be put in a path, and retries anything unexpected (a database blip)', () => {
    expect(classifyFailure('close', new UnsafePathSegmentError('..'), 1, mid)).toMatchObject({ code: 'refused' });
    expect(classifyFailure('close', new Error('Connection terminated'), 1, mid)).toMatchObject({ type: 'retry' });
  });
});
