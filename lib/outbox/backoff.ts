/**
 * When an action Debitura did not take is tried again: 2 s, 4 s, 8 s... up to 10 min,
 * with ±20 % jitter so actions that failed together do not retry together. After
 * MAX_AUTO_ATTEMPTS the action is marked failed and waits for someone to press Retry.
 */
export const MAX_AUTO_ATTEMPTS = 12;
const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 10 * 60_000;

/** `attempts` is how many attempts have failed so far (1 after the first). */
export function retryDelayMs(
  attempts: number,
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  const jittered = Math.round(exponential * (0.8 + 0.4 * random()));
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, MAX_DELAY_MS));
}
