import { afterEach, describe, expect, it } from 'vitest';
import { kickJob, startJobs, stopJobs, type Job } from './runner';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  await stopJobs();
});

function countingJob(name: string, options: Partial<Job> & { passMs?: number; more?: () => boolean } = {}) {
  let passes = 0;
  const job: Job = {
    name,
    intervalMs: options.intervalMs ?? 60_000,
    kickDelayMs: options.kickDelayMs ?? 0,
    run: async () => {
      passes += 1;
      await sleep(options.passMs ?? 0);
      return options.more?.() ?? false;
    },
  };
  return { job, passes: () => passes };
}

describe('job runner', () => {
  it('runs a pass at start, then coalesces a burst of kicks into one more pass', async () => {
    const { job, passes } = countingJob('burst', { kickDelayMs: 20 });
    startJobs([job]);
    await sleep(150);
    expect(passes()).toBe(1);
    for (let i = 0; i < 10; i++) kickJob('burst');
    await sleep(300);
    expect(passes()).toBe(2);
  });

  it('runs again at once while the job says there is more', async () => {
    let left = 3;
    const { job, passes } = countingJob('more', { more: () => left-- > 0 });
    startJobs([job]);
    await sleep(300);
    expect(passes()).toBe(4);
  });

  it('takes a kick during a pass as one more pass afterwards', async () => {
    const { job, passes } = countingJob('during', { passMs: 200 });
    startJobs([job]);
    await sleep(50);
    kickJob('during');
    kickJob('during');
    await sleep(700);
    expect(passes()).toBe(2);
  });

  it('backs off after a failure and recovers', async () => {
    let calls = 0;
    const job: Job = {
      name: 'flaky',
      intervalMs: 10,
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error('database down');
        return false;
      },
    };
    const original = console.error;
    console.error = () => {};
    try {
      startJobs([job]);
      await sleep(5);
      expect(calls).toBeLessThanOrEqual(1);
      await sleep(400);
      expect(calls).toBeGreaterThanOrEqual(2);
    } finally {
      console.error = original;
    }
  });

  it('ignores kicks for jobs that are not running', () => {
    expect(() => kickJob('nobody')).not.toThrow();
  });
});
