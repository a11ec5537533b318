import { describe, expect, it } from 'vitest';
import { isConflictError, withConflictRetry } from './conflict-retry';

describe('isConflictError', () => {
  it('finds a deadlock or serialization failure however it is wrapped', () => {
    expect(isConflictError(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe(true);
    expect(isConflictError({ code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '40001' } } } })).toBe(
      true,
    );
    expect(isConflictError({ code: 'P2034' })).toBe(true);
    expect(isConflictError(new Error('Raw query failed: deadlock detected'))).toBe(true);
  });

  it('leaves every other error alone', () => {
    expect(isConflictError(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isConflictError(new Error('That bank line does not exist.'))).toBe(false);
    expect(isConflictError(null)).toBe(false);
  });
});

describe('withConflictRetry', () => {
  it('redoes the work after a conflict and gives up after the last attempt', async () => {
    let calls = 0;
    const value = await withConflictRetry(async () => {
      calls += 1;
      if (calls < 3) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      return 'done';
    });
    expect([value, calls]).toEqual(['done', 3]);

    calls = 0;
    const always = () => {
      calls += 1;
      return Promise.reject(Object.assign(new Error('deadlock detected'), { code: '40P01' }));
    };
    await expect(withConflictRetry(always, 2)).rejects.toThrow('deadlock');
    expect(calls).toBe(2);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(new Error('not a conflict'));
    };
    await expect(withConflictRetry(failing)).rejects.toThrow('not a conflict');
    expect(calls).toBe(1);
  });
});
