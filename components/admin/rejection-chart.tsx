import { useFormatter, useTranslations } from 'next-intl';
import type { RejectionTimeline } from '@/lib/admin/rejections';
import { RejectionReason } from './rejection-reason';
import { headCellClass, tableClass, tableFrameClass } from './styles';

/**
 * Accepted versus rejected deliveries per hour or day, as a table with bars: readable by
 * a screen reader as numbers, and at a glance as colour. A wrong or missing secret shows
 * as the green running dry while the red grows.
 */
const REASON_COLOURS = [
  'bg-red-500',
  'bg-orange-400',
  'bg-amber-300',
  'bg-fuchsia-500',
  'bg-rose-300',
  'bg-purple-400',
];

const HOUR = { hour: '2-digit', minute: '2-digit', day: '2-digit', month: 'short', timeZone: 'UTC' } as const;
const DAY = { day: '2-digit', month: 'short', weekday: 'short', timeZone: 'UTC' } as const;

export function RejectionChart({ timeline }: { timeline: RejectionTimeline }) {
  const t = useTranslations('admin.rejected.chart');
  const format = useFormatter();
  const isHourly = timeline.range === '24h';
  const max = Math.max(1, ...timeline.buckets.map((bucket) => bucket.accepted + bucket.rejected));
  const colour = (reason: string) => REASON_COLOURS[timeline.reasons.indexOf(reason) % REASON_COLOURS.length];
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3 text-xs" aria-hidden="true">
        <span className="inline-flex items-center gap-1">
          <span className="inline-block size-3 rounded-sm bg-emerald-500" /> {t('accepted')}
        </span>
        {timeline.reasons.map((reason) => (
          <span key={reason} className="inline-flex items-center gap-1">
            <span className={`inline-block size-3 rounded-sm ${colour(reason)}`} /> <RejectionReason reason={reason} />
          </span>
        ))}
      </div>
      <div className={tableFrameClass}>
        <table className={tableClass} data-testid="rejection-timeline">
          <caption className="sr-only">{t(isHourly ? 'captionHourly' : 'captionDaily')}</caption>
          <thead className="border-b border-slate-200">
            <tr>
              <th scope="col" className={headCellClass}>
                {t(isHourly ? 'hour' : 'day')}
              </th>
              <th scope="col" className={`${headCellClass} text-right`}>
                {t('acceptedHeading')}
              </th>
              <th scope="col" className={`${headCellClass} text-right`}>
                {t('rejectedHeading')}
              </th>
              <th scope="col" className={`${headCellClass} w-1/2`}>
                <span className="sr-only">{t('bar')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {timeline.buckets.map((bucket) => (
              <tr key={bucket.start.toISOString()} className="border-b border-slate-100">
                <th scope="row" className="px-3 py-1 font-normal whitespace-nowrap tabular-nums">
                  {format.dateTime(bucket.start, isHourly ? HOUR : DAY)}
                </th>
                <td className="px-3 py-1 text-right tabular-nums">{bucket.accepted}</td>
                <td className="px-3 py-1 text-right tabular-nums">
                  {bucket.rejected ? (
                    <span
                      title={Object.entries(bucket.byReason)
                        .map(([reason, n]) => `${reason}: ${n}`)
                        .join(', ')}
                      className="font-medium text-red-700"
                    >
                      {bucket.rejected}
                      <span className="sr-only">
                        {' '}
                        (
                        {Object.entries(bucket.byReason)
                          .map(([reason, n]) => `${reason} ${n}`)
                          .join(', ')}
                        )
                      </span>
                    </span>
                  ) : (
                    0
                  )}
                </td>
                <td className="px-3 py-1" aria-hidden="true">
                  <div className="flex h-3 w-full overflow-hidden rounded-sm bg-slate-100">
                    <div className="bg-emerald-500" style={{ width: `${(bucket.accepted / max) * 100}%` }} />
                    {timeline.reasons.map((reason) =>
                      bucket.byReason[reason] ? (
                        <div
                          key={reason}
                          className={colour(reason)}
                          style={{ width: `${(bucket.byReason[reason] / max) * 100}%` }}
                        />
                      ) : null,
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
