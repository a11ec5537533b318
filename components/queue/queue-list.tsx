'use client';

import { useFormatter, useLocale, useNow, useTranslations } from 'next-intl';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatMoney } from '@/lib/money/currency';
import type { QueueItem } from '@/lib/work/queue';
import { QueueItemActions, useSingleOpen } from './queue-item-actions';

type Group = 'overdue' | 'today' | 'later';

/**
 * The queue, soonest first, in three groups (overdue, due today, later). Each item says what
 * is due, on which case, by when and how late, with its one-click action or a link to the case.
 * The page gets the soonest items (lib/work/queue.ts cuts them in SQL) and the queue's `total`.
 */
export function QueueList({ items, total, endOfToday }: { items: QueueItem[]; total: number; endOfToday: string }) {
  const t = useTranslations('queue');
  const [openReply, toggleReply] = useSingleOpen();
  const groupOf = (item: QueueItem): Group =>
    item.overdue ? 'overdue' : Date.parse(item.dueAt) <= Date.parse(endOfToday) ? 'today' : 'later';
  const groups: Group[] = ['overdue', 'today', 'later'];

  if (!items.length) return <p className="rounded-md border border-slate-200 bg-white p-6 text-sm">{t('empty')}</p>;
  return (
    <div className="space-y-6">
      {groups.map((group) => {
        const inGroup = items.filter((item) => groupOf(item) === group);
        if (!inGroup.length) return null;
        return (
          <section key={group} aria-labelledby={`queue-${group}`}>
            <h2 id={`queue-${group}`} className="mb-2 text-sm font-semibold text-slate-700">
              {t(`groups.${group}`, { count: inGroup.length })}
            </h2>
            <ul
              className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white"
              data-testid={`queue-${group}`}
            >
              {inGroup.map((item) => {
                const key = `${item.kind}:${item.reference}:${item.itemId ?? ''}`;
                return (
                  <li
                    key={key}
                    className="flex flex-wrap items-start gap-x-4 gap-y-2 p-3"
                    data-kind={item.kind}
                    data-reference={item.reference}
                  >
                    <QueueItemText item={item} />
                    <QueueItemActions
                      kind={item.kind}
                      reference={item.reference}
                      itemId={item.itemId}
                      isReplyOpen={openReply === key}
                      onToggleReply={() => toggleReply(key)}
                    />
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {total > items.length ? (
        <p className="text-sm text-slate-600">{t('more', { shown: items.length, total })}</p>
      ) : null}
    </div>
  );
}

function QueueItemText({ item }: { item: QueueItem }) {
  const t = useTranslations('queue');
  const format = useFormatter();
  const locale = useLocale();
  const now = useNow({ updateInterval: 60_000 });
  const dueAt = new Date(item.dueAt);
  const amount = item.amountMinor !== null && item.currency ? formatMoney(item.amountMinor, item.currency, locale) : '';
  return (
    <div className="min-w-0 flex-1 space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={item.overdue ? 'red' : 'slate'}>{t(`kinds.${item.kind}`)}</Badge>
        <Link
          href={`/cases/${encodeURIComponent(item.reference)}`}
          className="font-medium underline-offset-2 hover:underline"
        >
          {item.reference}
        </Link>
        {item.debtorName ? <span className="text-sm text-slate-600">{item.debtorName}</span> : null}
      </div>
      <p className="text-sm text-slate-800">
        {item.kind === 'follow_up' || item.kind === 'chat_reply'
          ? item.text
          : item.kind === 'promise_broken'
            ? t('details.promise_broken', { amount })
            : item.kind === 'monthly_update'
              ? t('details.monthly_update', { percent: item.creditPercent ?? 0 })
              : t(`details.${item.kind}`)}
      </p>
      <p
        suppressHydrationWarning
        className={`text-xs ${item.overdue ? 'font-semibold text-red-800' : 'text-slate-600'}`}
      >
        {t(item.overdue ? 'overdueSince' : 'dueBy', {
          when: format.dateTime(dueAt, { dateStyle: 'medium', timeStyle: 'short' }),
          relative: format.relativeTime(dueAt, now),
        })}
      </p>
    </div>
  );
}
