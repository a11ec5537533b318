import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge, type Tone } from '@/components/ui/badge';
import { LocalTime } from '@/components/ui/local-time';
import { formatMoney } from '@/lib/money/currency';
import { CONFIRMED_BY_WEBHOOK, type ActionPayloads } from '@/lib/outbox/kinds';
import type { ActionView } from '@/lib/outbox/view';
import { closeCodeLabel } from '@/lib/i18n/vocabulary';
import { ResendButton } from './resend-button';

type Stage = 'sending' | 'retrying' | 'awaiting' | 'sent' | 'confirmed' | 'failed';

const TONES: Record<Stage, Tone> = {
  sending: 'blue',
  retrying: 'amber',
  awaiting: 'blue',
  sent: 'green',
  confirmed: 'green',
  failed: 'red',
};

/** Where an action stands, in the words the page uses: a note ends "sent", a payment "confirmed". */
function stageOf(action: ActionView): Stage {
  // The first attempt is counted while it is under way: only a second one means Debitura did not answer.
  if (action.status === 'pending') return action.attempts > 1 ? 'retrying' : 'sending';
  if (action.status === 'sent') return CONFIRMED_BY_WEBHOOK.has(action.kind) ? 'awaiting' : 'sent';
  return action.status;
}

/**
 * What this case's actions did at Debitura, newest first: each shows at once as "sending",
 * then "confirmed" (or sent, for those Debitura confirms by no webhook), or failed with
 * Debitura's own message, what to do about it, and retry or confirm where that is safe. The
 * list is a live region: the page re-renders it as the outbox and Debitura's webhooks move on.
 */
export async function ActionList({
  reference,
  actions,
  locale,
}: {
  reference: string;
  actions: ActionView[];
  locale: string;
}) {
  const [t, vocabulary, format] = await Promise.all([
    getTranslations('actions'),
    getTranslations('vocabulary'),
    getFormatter(),
  ]);
  const visible = actions.filter((action) => action.kind !== 'chat_reply');
  if (!visible.length) return <p className="text-sm text-slate-600">{t('list.empty')}</p>;

  const describe = (action: ActionView): string => {
    const payload = (action.payload ?? {}) as Partial<Record<string, unknown>>;
    const text = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string) : '');
    // A payment's date is a calendar day: written the reader's way, never shifted by a time zone.
    const calendarDate = (day: string) =>
      /^\d{4}-\d{2}-\d{2}$/.test(day)
        ? format.dateTime(new Date(`${day}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' })
        : day;
    const money = (key: string) => formatMoney(BigInt(text(key) || '0'), text('currency') || null, locale);
    switch (action.kind) {
      case 'payment_create':
      case 'payment_update':
        return t('list.payment', { amount: money('amountMinor'), date: calendarDate(text('date')) });
      case 'close':
        return closeCodeLabel(vocabulary, text('closeCode'));
      case 'accept':
        return t('list.handler', { handler: text('assignedUserEmail') || text('userEmail') });
      case 'fees': {
        const fees = payload as Partial<ActionPayloads['fees']>;
        return [fees.interestMinor, fees.reminderMinor, fees.collectionMinor]
          .map((minor) => formatMoney(BigInt(minor ?? '0'), fees.currency ?? null, locale))
          .join(' · ');
      }
      case 'progress_note': {
        const note = text('text');
        return note.length > 120 ? `${note.slice(0, 120)}…` : note;
      }
      default:
        return '';
    }
  };

  return (
    <ol
      className="divide-y divide-slate-100"
      aria-live="polite"
      aria-label={t('list.title')}
      data-testid="case-actions"
    >
      {visible.map((action) => {
        const stage = stageOf(action);
        return (
          <li
            key={action.id}
            className="space-y-1 py-2 text-sm"
            data-testid="case-action"
            data-kind={action.kind}
            data-status={action.status}
          >
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{t(`kinds.${action.kind}`)}</span>
              <Badge tone={TONES[stage]}>{t(`stages.${stage}`)}</Badge>
              <span className="min-w-0 flex-1 truncate text-slate-700">{describe(action)}</span>
              <LocalTime
                value={action.confirmedAt ?? action.sentAt ?? action.createdAt}
                className="text-xs text-slate-500"
              />
            </div>
            {action.warnings.length ? (
              <div className="text-xs text-amber-900">
                <p className="font-medium">{t('list.warnings')}</p>
                <ul className="list-disc pl-5">
                  {action.warnings.map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {action.status === 'failed' ? (
              <div className="space-y-1 rounded-md bg-red-50 p-2 text-xs text-red-900">
                {action.error ? (
                  <p>
                    <span className="font-medium">{t('list.debituraSaid')}</span> {action.error}
                  </p>
                ) : null}
                <p>{t(`list.fix.${fixOf(action)}`)}</p>
                {action.errorCode === 'exhausted' || action.errorCode === 'needs_confirmation' ? (
                  <ResendButton
                    reference={reference}
                    actionId={action.id}
                    how={action.errorCode === 'exhausted' ? 'retry' : 'confirm'}
                    question={
                      action.errorCode === 'needs_confirmation'
                        ? t(`list.question.${action.kind === 'fees' ? 'fees' : 'reopen'}`)
                        : undefined
                    }
                  />
                ) : null}
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** Which advice goes with a failure: what the person can do about it. */
function fixOf(action: ActionView): 'confirm' | 'retry' | 'invoiced' | 'refused' {
  if (action.errorCode === 'needs_confirmation') return 'confirm';
  if (action.errorCode === 'exhausted') return 'retry';
  // Debitura's 422 on a payment change: it is invoiced already and cannot change.
  if (action.kind === 'payment_update' || action.kind === 'payment_delete') return 'invoiced';
  return 'refused';
}
