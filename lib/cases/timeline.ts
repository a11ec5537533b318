import { closeCodeLabel, lifecycleLabel, recipientLabel, type VocabularyTranslator } from '@/lib/i18n/vocabulary';

/**
 * What a timeline entry says in words, in the reader's language. Entries come from webhook
 * events (case.*, payment.*, chat.created) and from people (assignment.changed, follow_up.*,
 * promise.*, note.internal); a type this module does not know yet reads as "Other event",
 * never as its raw name.
 */
export type TimelineText = {
  title: string;
  note: string | null;
  kind: 'state' | 'payment' | 'chat' | 'close' | 'assignment' | 'work' | 'internal' | 'other';
  /** The agency's own note, never sent to Debitura: the page marks it as such in words. */
  isInternal?: boolean;
};

type Entry = {
  type: string;
  fromState: string | null;
  toState: string | null;
  detail: unknown;
  actorName: string | null;
};
type FormatAmount = (minor: number, currency: string) => string;
/** A calendar day (`YYYY-MM-DD`) in the reader's format. */
type FormatDay = (day: string) => string;
/** The `case.timeline` messages (`getTranslations('case.timeline')` or `useTranslations`). */
type Translate = (key: string, values?: Record<string, string | number>) => string;

const obj = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const person = (value: unknown): string | null => str(obj(value).name);

export function describeTimelineEntry(
  entry: Entry,
  formatAmount: FormatAmount,
  t: Translate,
  vocabulary: VocabularyTranslator,
  formatDay: FormatDay = (day) => day,
): TimelineText {
  const detail = obj(entry.detail);
  const state = (value: string | null) => lifecycleLabel(vocabulary, value);
  const actor = entry.actorName;
  const byActor = (key: string, values: Record<string, string> = {}) =>
    actor ? t(`${key}By`, { ...values, actor }) : t(key, values);
  const day = (value: unknown) => (str(value) ? formatDay(String(value)) : null);
  const promised = () =>
    typeof detail.amountMinor === 'number' && str(detail.currency)
      ? formatAmount(detail.amountMinor, String(detail.currency))
      : null;
  switch (entry.type) {
    case 'case.assigned':
      return {
        kind: 'state',
        title: t('assigned'),
        note: entry.toState ? t('assignedAs', { state: state(entry.toState) }) : null,
      };
    case 'case.updated':
      return {
        kind: 'state',
        title: t('stateChange', { from: state(entry.fromState), to: state(entry.toState) }),
        note: null,
      };
    case 'case.closed': {
      const code = str(detail.closeCode);
      return {
        kind: 'close',
        title: code ? t('closedWith', { code: closeCodeLabel(vocabulary, code) }) : t('closed'),
        note: str(detail.comment),
      };
    }
    case 'payment.created': {
      const amount =
        typeof detail.amountMinor === 'number' && str(detail.currency)
          ? formatAmount(detail.amountMinor, String(detail.currency))
          : null;
      const recipient = recipientLabel(vocabulary, str(detail.recipient));
      const method = str(detail.method);
      const note =
        recipient && method
          ? t('paymentToBy', { recipient, method })
          : recipient
            ? t('paymentTo', { recipient })
            : method
              ? t('paymentBy', { method })
              : null;
      return { kind: 'payment', title: amount ? t('paymentOf', { amount }) : t('payment'), note };
    }
    case 'payment.deleted': {
      const id = str(detail.paymentId);
      return { kind: 'payment', title: t('paymentDeleted'), note: id ? t('paymentId', { id }) : null };
    }
    case 'chat.created': {
      const author = str(detail.author);
      return { kind: 'chat', title: author ? t('chatFrom', { author }) : t('chat'), note: null };
    }
    case 'note.internal':
      return { kind: 'internal', isInternal: true, title: byActor('internalNote'), note: str(detail.text) };
    case 'follow_up.added': {
      const due = day(detail.dueDate);
      return {
        kind: 'work',
        title: due ? byActor('followUpAdded', { date: due }) : byActor('followUp'),
        note: str(detail.note),
      };
    }
    case 'follow_up.done':
      return { kind: 'work', title: byActor('followUpDone'), note: str(detail.note) };
    case 'follow_up.cancelled':
      return { kind: 'work', title: byActor('followUpCancelled'), note: str(detail.note) };
    case 'promise.added': {
      const amount = promised();
      const due = day(detail.dueDate);
      return {
        kind: 'work',
        title: byActor('promiseAdded'),
        note: amount && due ? t('promiseOf', { amount, date: due }) : null,
      };
    }
    case 'promise.cancelled': {
      const amount = promised();
      const due = day(detail.dueDate);
      return {
        kind: 'work',
        title: byActor('promiseCancelled'),
        note: amount && due ? t('promiseOf', { amount, date: due }) : null,
      };
    }
    case 'assignment.changed': {
      const to = person(detail.to);
      const from = person(detail.from);
      const title = to
        ? actor
          ? t('assignedToBy', { name: to, actor })
          : t('assignedTo', { name: to })
        : actor
          ? t('unassignedBy', { actor })
          : t('unassigned');
      return { kind: 'assignment', title, note: from ? t('was', { name: from }) : null };
    }
    default:
      return {
        kind: 'other',
        title: t('otherEvent'),
        note: entry.toState ? t('stateChange', { from: state(entry.fromState), to: state(entry.toState) }) : null,
      };
  }
}

/** The raw webhook body, indented when it is JSON, as it came when it is not. */
export function prettyRawBody(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}
