import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kickJob, startJobs, stopJobs, type Job } from './runner';

// Fake timers (Date.now included): each test states when passes run to the millisecond,
// instead of sleeping and hoping the machine kept up.
beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(async () => {
  const stopped = stopJobs();
  await vi.advanceTimersByTimeAsync(1_000); // lets a pass in flight finish its (fake) work
  await stopped;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A job that records the (fake) time of each pass; `fails(n)` says whether pass n throws. */
function recordingJob(
  name: string,
  options: Partial<Job> & { passMs?: number; more?: () => boolean; fails?: (pass: number) => boolean } = {},
) {
  const times: number[] = [];
  const job: Job = {
    name,
    intervalMs: options.intervalMs ?? 60_000,
    kickDelayMs: options.kickDelayMs ?? 0,
    run: async () => {
      times.push(Date.now());
      if (options.fails?.(times.length)) throw new Error('database down');
      if (options.passMs) await sleep(options.passMs);
      return options.more?.() ?? false;
    },
  };
  return { job, times };
}

describe('job runner', () => {
  it('runs at start, makes a burst of kicks one pass after the kick delay, then keeps its interval', async () => {
    const { job, times } = recordingJob('burst', { kickDelayMs: 20, intervalMs: 60_000 });
    startJobs([job]);
    await vi.advanceTimersByTimeAsync(100);
    expect(times).toEqual([0]);

    for (let i = 0; i < 10; i++) kickJob('burst');
    await vi.advanceTimersByTimeAsync(19);
    expect(times).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(times).toEqual([0, 120]);

    await vi.advanceTimersByTimeAsync(60_000);
    expect(times).toEqual([0, 120, 60_120]);
  });

  it('runs again at once while the job says there is more, then waits for the interval', async () => {
    let left = 3;
    const { job, times } = recordingJob('more', { more: () => left-- > 0, intervalMs: 5_000 });
    startJobs([job]);
    // "At once" is a 0 ms timer, which Node (and the fake clock) runs after 1 ms.
    await vi.advanceTimersByTimeAsync(5_002);
    expect(times).toEqual([0, 1, 2, 3]);
    await vi.advanceTimersByTimeAsync(1);
    expect(times).toEqual([0, 1, 2, 3, 5_003]);
  });

  it('takes kicks during a pass as one more pass right after it', async () => {
    const { job, times } = recordingJob('during', { passMs: 200 });
    startJobs([job]);
    await vi.advanceTimersByTimeAsync(50);
    kickJob('during');
    kickJob('during');
    await vi.advanceTimersByTimeAsync(150);
    expect(times).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(times).toEqual([0, 201]);
    await vi.advanceTimersByTimeAsync(50_000);
    expect(times).toEqual([0, 201]);
  });

  it('doubles the delay after each failed pass, and returns to the interval once a pass succeeds', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const infos = vi.spyOn(console, 'info').mockImplementation(() => {});
    const { job, times } = recordingJob('flaky', { intervalMs: 1_000, fails: (pass) => pass <= 3 });
    startJobs([job]);
    await vi.advanceTimersByTimeAsync(16_000);
    // Failures at 0, 2 000 (+2 s), 6 000 (+4 s); success at 14 000 (+8 s); then every second.
    expect(times).toEqual([0, 2_000, 6_000, 14_000, 15_000, 16_000]);
    // Logged once when it started failing (not on every pass), and once on recovery.
    expect(errors).toHaveBeenCalledTimes(1);
    expect(infos).toHaveBeenCalledWith('[jobs] flaky recovered after 3 failed passes');
  });

  it('never waits more than 30 s between passes of a job that keeps failing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { job, times } = recordingJob('down', { intervalMs: 10_000, fails: () => true });
    startJobs([job]);
    await vi.advanceTimersByTimeAsync(110_000);
    expect(times).toEqual([0, 20_000, 50_000, 80_000, 110_000]);
  });

  it('ignores kicks for jobs that are not running', () => {
    expect(() => kickJob('nobody')).not.toThrow();
  });
});
