import { Badge, type Tone } from '@/components/ui/badge';
import { STATUS_LABELS, type ReconciliationStatus } from '@/lib/payments/filters';

const TONES: Record<ReconciliationStatus, Tone> = {
  unreconciled: 'slate',
  matched: 'blue',
  reconciled: 'green',
  needs_review: 'red',
};

export function ReconciliationBadge({ status }: { status: string }) {
  const known = status in STATUS_LABELS ? (status as ReconciliationStatus) : null;
  return <Badge tone={known ? TONES[known] : 'slate'}>{known ? STATUS_LABELS[known] : status}</Badge>;
}

const LINE_STATUS: Record<string, { label: string; tone: Tone }> = {
  unmatched: { label: 'No match', tone: 'slate' },
  suggested: { label: 'Suggested', tone: 'amber' },
  confirmed: { label: 'Confirmed', tone: 'green' },
  rejected: { label: 'Not ours', tone: 'slate' },
  needs_review: { label: 'Needs review', tone: 'red' },
};

export function LineStatusBadge({ status }: { status: string }) {
  const info = LINE_STATUS[status] ?? { label: status, tone: 'slate' as Tone };
  return <Badge tone={info.tone}>{info.label}</Badge>;
}
