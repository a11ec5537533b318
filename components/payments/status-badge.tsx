import { useTranslations } from 'next-intl';
import { Badge, type Tone } from '@/components/ui/badge';
import { RECONCILIATION_STATUSES, type ReconciliationStatus } from '@/lib/payments/filters';

const TONES: Record<ReconciliationStatus, Tone> = {
  unreconciled: 'slate',
  matched: 'blue',
  reconciled: 'green',
  needs_review: 'red',
};

function isReconciliationStatus(status: string): status is ReconciliationStatus {
  return (RECONCILIATION_STATUSES as readonly string[]).includes(status);
}

/** A payment's reconciliation status: always its word, the colour only repeats it. */
export function ReconciliationBadge({ status }: { status: string }) {
  const t = useTranslations('payments.status');
  if (!isReconciliationStatus(status)) return <Badge tone="slate">{status}</Badge>;
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}

export const LINE_STATUSES = ['unmatched', 'suggested', 'confirmed', 'rejected', 'needs_review'] as const;
type LineStatus = (typeof LINE_STATUSES)[number];

const LINE_TONES: Record<LineStatus, Tone> = {
  unmatched: 'slate',
  suggested: 'amber',
  confirmed: 'green',
  rejected: 'slate',
  needs_review: 'red',
};

function isLineStatus(status: string): status is LineStatus {
  return (LINE_STATUSES as readonly string[]).includes(status);
}

/** A bank line's match status. */
export function LineStatusBadge({ status }: { status: string }) {
  const t = useTranslations('payments.lineStatus');
  if (!isLineStatus(status)) return <Badge tone="slate">{status}</Badge>;
  return <Badge tone={LINE_TONES[status]}>{t(status)}</Badge>;
}
