import { getTranslations } from 'next-intl/server';
import type { SessionUser } from '@/lib/auth/session';
import { getQueue } from '@/lib/work/queue';

/**
 * How many items are due today for this user. Read fresh on every page: the queue's counts
 * are index ranges over the stored work items (about 16 ms for a collector with 5,000 open
 * cases, BENCHMARKS.md), and a remembered count would lag behind the live pages.
 */
async function dueTodayCount(user: SessionUser): Promise<number> {
  return (await getQueue(user, { limit: 0 })).dueTodayCount;
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
