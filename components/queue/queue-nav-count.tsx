import { getTranslations } from 'next-intl/server';
import type { SessionUser } from '@/lib/auth/session';
import { getQueue } from '@/lib/work/queue';

const CACHE_MS = 30_000;
const globalForCounts = globalThis as unknown as { casedeskQueueCounts?: Map<string, { at: number; count: number }> };

/**
 * How many items are due today for this user, remembered for half a minute per process: the
 * navigation is on every page, and the queue page itself always reads fresh.
 */
async function dueTodayCount(user: SessionUser): Promise<number> {
  const counts = (globalForCounts.casedeskQueueCounts ??= new Map());
  const cached = counts.get(user.id);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.count;
  const count = (await getQueue(user, { limit: 0 })).dueTodayCount;
  if (counts.size > 1_000) counts.clear();
  counts.set(user.id, { at: Date.now(), count });
  return count;
}

/** The number of queue items due today (overdue included) beside the navigation link. */
export async function QueueNavCount({ user }: { user: SessionUser }) {
  const [t, count] = await Promise.all([getTranslations('queue'), dueTodayCount(user).catch(() => 0)]);
  if (!count) return null;
  return (
    <span
      className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white"
      data-testid="queue-count"
    >
      <span aria-hidden="true">{count}</span>
      <span className="sr-only">{t('navCount', { count: count })}</span>
    </span>
  );
}
