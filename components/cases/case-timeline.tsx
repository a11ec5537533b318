import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { ImportedMark } from '@/components/debitura/imported-mark';
import { LocalTime } from '@/components/ui/local-time';
import { formatMinor } from '@/lib/money/currency';
import type { TimelineEntry } from '@/lib/cases/queries';
import { describeTimelineEntry, prettyRawBody, type TimelineText } from '@/lib/cases/timeline';

const DOT: Record<TimelineText['kind'], string> = {
  state: 'bg-sky-500',
  payment: 'bg-green-600',
  chat: 'bg-slate-400',
  close: 'bg-slate-900',
  assignment: 'bg-violet-500',
  work: 'bg-teal-600',
  internal: 'bg-amber-500',
  other: 'bg-slate-300',
};

const rawSummary =
  'cursor-pointer text-slate-500 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-slate-900';
const rawBody = [
  'mt-1 max-h-80 overflow-auto rounded bg-slate-900 p-3',
  'font-mono text-[11px] leading-relaxed text-slate-100',
].join(' ');

/** Every event in event-time order; the raw webhook body opens under each one. */
export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useTranslations('case.timeline');
  const vocabulary = useTranslations('vocabulary');
  const locale = useLocale();
  const format = useFormatter();
  const formatAmount = (minor: number, currency: string) => formatMinor(BigInt(minor), currency, locale);
  // A calendar day is the same day everywhere: formatted at noon UTC so no time zone moves it.
  const formatDay = (day: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(day)
      ? format.dateTime(new Date(`${day}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' })
      : day;
  return (
    <Card title={t('title', { count: entries.length })} id="timeline-heading">
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <ol className="relative space-y-4 border-l border-slate-200 pl-5" data-testid="timeline">
          {entries.map((entry) => {
            const text = describeTimelineEntry(entry, formatAmount, t, vocabulary, formatDay);
            return (
              <li
                key={entry.id}
                className={cn(
                  'relative',
                  text.isInternal && 'rounded-md border border-dashed border-amber-400 bg-amber-50/60 px-2 py-1.5',
                )}
                data-testid="timeline-entry"
                data-type={entry.type}
                data-internal={text.isInternal ? 'true' : undefined}
              >
                <span
                  aria-hidden="true"
                  className={cn(
                    'absolute top-1.5 -left-[25px] size-2.5 rounded-full ring-4 ring-white',
                    DOT[text.kind],
                  )}
                />
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <p className="font-medium text-slate-900" data-testid="timeline-title">
                    {text.title} <ImportedMark eventId={entry.eventId} />
                    {text.isInternal ? (
                      <Badge tone="amber" className="ml-1 align-middle">
                        {t('internalBadge')}
                      </Badge>
                    ) : null}
                  </p>
                  <LocalTime value={entry.at} className="text-xs text-slate-500 tabular-nums" />
                </div>
                {text.note ? <p className="text-sm whitespace-pre-wrap text-slate-600">{text.note}</p> : null}
                {entry.rawBody ? (
                  <details className="mt-1 text-xs">
                    <summary className={rawSummary}>
                      {t('rawEvent')} <span className="font-mono">{entry.eventId}</span>
                    </summary>
                    <pre className={rawBody}>{prettyRawBody(entry.rawBody)}</pre>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
