import { getTranslations } from 'next-intl/server';
import type { SessionUser } from '@/lib/auth/session';
import { getQueue } from '@/lib/work/queue';

/** The number of queue items due today (overdue included) beside the navigation link. */
export async function QueueNavCount({ user }: { user: SessionUser }) {
  const [t, queue] = await Promise.all([getTranslations('queue'), getQueue(user).catch(() => null)]);
  if (!queue?.dueTodayCount) return null;
  return (
    <span
      className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white"
      data-testid="queue-count"
    >
      <span aria-hidden="true">{queue.dueTodayCount}</span>
      <span className="sr-only">{t('navCount', { count: queue.dueTodayCount })}</span>
    </span>
  );
}
