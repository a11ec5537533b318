import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LiveRefresh } from '@/components/queue/live-refresh';
import { QueueList } from '@/components/queue/queue-list';
import { QueueSubjectPicker } from '@/components/queue/queue-subject-picker';
import { ForbiddenError, NotFoundError } from '@/lib/api/errors';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { agencyCalendar } from '@/lib/deadlines/calendar';
import { agencyToday, endOfAgencyDay } from '@/lib/deadlines/business-time';
import { db } from '@/lib/db';
import { getQueue, resolveQueueSubject } from '@/lib/work/queue';
import { forbidden, notFound } from 'next/navigation';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('queue');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ user?: string | string[] }> };

/** The collector's home: what is due on their cases, soonest first, live. Managers pick anyone, or the team. */
export default async function QueuePage({ searchParams }: Props) {
  const viewer = await requirePermission('cases:read');
  const t = await getTranslations('queue');
  const raw = (await searchParams).user;
  const email = typeof raw === 'string' && raw.trim() ? raw.trim() : null;
  let subject;
  try {
    subject = await resolveQueueSubject(viewer, email);
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const isManager = can(viewer, 'cases:read-all');
  const [queue, people] = await Promise.all([
    getQueue(subject),
    isManager
      ? db.user.findMany({
          where: { disabledAt: null, role: 'collector' },
          orderBy: [{ name: 'asc' }, { email: 'asc' }],
          select: { email: true, name: true },
        })
      : [],
  ]);
  const calendar = agencyCalendar();
  const endOfToday = endOfAgencyDay(agencyToday(new Date(), calendar), calendar).toISOString();

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="text-sm text-slate-600">
            {/* dueTodayCount includes the overdue items; the summary names each item once. */}
            {t('summary', {
              overdue: queue.overdueCount,
              today: queue.dueTodayCount - queue.overdueCount,
              total: queue.total,
            })}
          </p>
        </div>
        <div className="flex items-center gap-4">
          {isManager ? <QueueSubjectPicker people={people} selected={email} /> : null}
          <LiveRefresh />
        </div>
      </div>
      <QueueList items={queue.items} total={queue.total} endOfToday={endOfToday} />
    </div>
  );
}
