import { closeCodeLabel, englishVocabulary as t, lifecycleLabel, recipientLabel } from '@/lib/i18n/vocabulary';

/**
 * What a timeline entry says in words. Entries come from webhook events (case.*, payment.*,
 * chat.created) and from people (assignment.changed); an unknown type is shown as its name.
 */
export type TimelineText = {
  title: string;
  note: string | null;
  kind: 'state' | 'payment' | 'chat' | 'close' | 'assignment' | 'other';
};

type Entry = {
  type: string;
  fromState: string | null;
  toState: string | null;
  detail: unknown;
  actorName: string | null;
};
type FormatAmount = (minor: number, currency: string) => string;

const obj = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const person = (value: unknown): string | null => str(obj(value).name);

export function describeTimelineEntry(entry: Entry, formatAmount: FormatAmount): TimelineText {
  const detail = obj(entry.detail);
  switch (entry.type) {
    case 'case.assigned':
      return {
        kind: 'state',
        title: 'Assigned to the agency',
        note: entry.toState ? `as ${lifecycleLabel(t, entry.toState)}` : null,
      };
    case 'case.updated':
      return {
        kind: 'state',
        title: `${lifecycleLabel(t, entry.fromState)} → ${lifecycleLabel(t, entry.toState)}`,
        note: null,
      };
    case 'case.closed': {
      const code = str(detail.closeCode);
      return {
        kind: 'close',
        title: `Closed${code ? `: ${closeCodeLabel(t, code)}` : ''}`,
        note: str(detail.comment),
      };
    }
    case 'payment.created': {
      const amount =
        typeof detail.amountMinor === 'number' && str(detail.currency)
          ? formatAmount(detail.amountMinor, String(detail.currency))
          : null;
      const recipient = recipientLabel(t, str(detail.recipient));
      const extra = [recipient && `to ${recipient}`, str(detail.method) && `by ${detail.method}`]
        .filter(Boolean)
        .join(', ');
      return { kind: 'payment', title: `Payment${amount ? ` of ${amount}` : ''} recorded`, note: extra || null };
    }
    case 'payment.deleted':
      return {
        kind: 'payment',
        title: 'Payment deleted',
        note: str(detail.paymentId) ? `Payment ${detail.paymentId}` : null,
      };
    case 'chat.created':
      return { kind: 'chat', title: `Chat message${str(detail.author) ? ` from ${detail.author}` : ''}`, note: null };
    case 'assignment.changed': {
      const to = person(detail.to);
      const from = person(detail.from);
      const by = entry.actorName ? ` by ${entry.actorName}` : '';
      return {
        kind: 'assignment',
        title: to ? `Assigned to ${to}${by}` : `Unassigned${by}`,
        note: from ? `was ${from}` : null,
      };
    }
    default:
      return {
        kind: 'other',
        title: entry.type,
        note: entry.toState ? `${lifecycleLabel(t, entry.fromState)} → ${lifecycleLabel(t, entry.toState)}` : null,
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
