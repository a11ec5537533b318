/**
 * In-process background jobs: each job runs one pass at a time, again at once when it says
 * there is more work or someone kicked it meanwhile, otherwise every `intervalMs` (so work
 * stored by another instance, or left by a crash, is picked up). Several instances may run
 * the same jobs: jobs claim their work in the database (SKIP LOCKED, leases), never in memory.
 *
 * State lives on globalThis: Next bundles instrumentation.ts and each route separately, so
 * module-level variables would not be shared between the starter and the kickers.
 */

export type Job = {
  name: string;
  /** How often a pass runs when nobody kicks the job. */
  intervalMs: number;
  /** Delay between a kick and the pass, so a burst of kicks becomes one batch. */
  kickDelayMs?: number;
  /** One pass. Returns true when there may be more work right away. */
  run: () => Promise<boolean>;
};

type JobState = {
  job: Job;
  isRunning: boolean;
  isKicked: boolean;
  failures: number;
  timer?: ReturnType<typeof setTimeout>;
  dueAt?: number;
  current?: Promise<void>;
};

type Runner = {
  jobs: Map<string, JobState>;
  isStarted: boolean;
  isStopped: boolean;
  /** Where kicks for jobs this process does not run go (a web process: to the workers). */
  remoteKick?: (name: string) => void;
};

const MAX_BACKOFF_MS = 30_000;
const globalForJobs = globalThis as unknown as { casedeskJobs?: Runner };

function runner(): Runner {
  globalForJobs.casedeskJobs ??= { jobs: new Map(), isStarted: false, isStopped: false };
  return globalForJobs.casedeskJobs;
}

/** Registers the jobs (once per process; later calls add only new names) and starts them. */
export function startJobs(jobs: readonly Job[]): void {
  const state = runner();
  state.isStarted = true;
  state.isStopped = false;
  for (const job of jobs) {
    if (state.jobs.has(job.name)) continue;
    const jobState: JobState = { job, isRunning: false, isKicked: false, failures: 0 };
    state.jobs.set(job.name, jobState);
    schedule(jobState, 0);
  }
}

/**
 * Asks a job for a pass soon (new work was just stored). Where the job does not run in this
 * process, the kick goes to the remote kicker if one is set (lib/jobs/remote-kick.ts), else nowhere.
 */
export function kickJob(name: string): void {
  const state = runner();
  const jobState = state.jobs.get(name);
  if (!jobState) {
    state.remoteKick?.(name);
    return;
  }
  if (state.isStopped) return;
  if (jobState.isRunning) {
    jobState.isKicked = true;
    return;
  }
  schedule(jobState, jobState.job.kickDelayMs ?? 0);
}

/** A web process sends kicks for the jobs it does not run to the workers. */
export function setRemoteKick(kick: ((name: string) => void) | undefined): void {
  runner().remoteKick = kick;
}

export function isJobRunning(name: string): boolean {
  return runner().jobs.has(name) && !runner().isStopped;
}

/** Stops scheduling and waits for passes in flight (tests, graceful shutdown). */
export async function stopJobs(): Promise<void> {
  const state = runner();
  state.isStopped = true;
  for (const jobState of state.jobs.values()) clearTimeout(jobState.timer);
  await Promise.all([...state.jobs.values()].map((jobState) => jobState.current));
  state.jobs.clear();
}

/** Sets the next pass `delayMs` from now, unless one is already due sooner (kicks never postpone). */
function schedule(jobState: JobState, delayMs: number) {
  const dueAt = Date.now() + delayMs;
  if (jobState.timer && jobState.dueAt !== undefined && jobState.dueAt <= dueAt) return;
  clearTimeout(jobState.timer);
  jobState.dueAt = dueAt;
  jobState.timer = setTimeout(() => {
    jobState.timer = undefined;
    void runPass(jobState);
  }, delayMs);
  jobState.timer.unref?.();
}

async function runPass(jobState: JobState) {
  if (runner().isStopped) return;
  if (jobState.isRunning) {
    jobState.isKicked = true;
    return;
  }
  jobState.isRunning = true;
  jobState.isKicked = false;
  let hasMore = false;
  const pass = (async () => {
    try {
      hasMore = await jobState.job.run();
      if (jobState.failures)
        console.info(`[jobs] ${jobState.job.name} recovered after ${jobState.failures} failed passes`);
      jobState.failures = 0;
    } catch (error) {
      jobState.failures += 1;
      // Log the first failure and then now and again, not every second while the database is down.
      if (jobState.failures === 1 || jobState.failures % 20 === 0) {
        console.error(
          `[jobs] ${jobState.job.name} failed (${jobState.failures}x):`,
          error instanceof Error ? error.message : error,
        );
      }
    }
  })();
  jobState.current = pass;
  await pass;
  jobState.isRunning = false;
  if (runner().isStopped) return;

  const { job, failures } = jobState;
  // Kicked during the pass: wait the kick delay again, so a steady stream of work is taken in
  // batches rather than one item per pass.
  const delay = failures
    ? Math.min(job.intervalMs * 2 ** Math.min(failures, 10), MAX_BACKOFF_MS)
    : hasMore
      ? 0
      : jobState.isKicked
        ? (job.kickDelayMs ?? 0)
        : job.intervalMs;
  schedule(jobState, delay);
}
