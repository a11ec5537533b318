import { useTranslations } from 'next-intl';
import { Badge, type Tone } from '@/components/ui/badge';
import { normalizeLifecycle, type LifecycleState } from '@/lib/cases/lifecycle';
import { lifecycleLabel } from '@/lib/i18n/vocabulary';

/** Each state's colour; the badge always carries the state's name too, so colour is never the only signal. */
const STATE_TONE: Record<LifecycleState, Tone> = {
  PendingContractSigning: 'slate',
  PendingVerificationInternal: 'slate',
  PendingVerification: 'amber',
  NeedsAdditionalDetails: 'orange',
  Leads: 'slate',
  LeadsQuoteGiven: 'slate',
  Active: 'green',
  Paused: 'blue',
  Closed: 'slate',
  Merged: 'violet',
};

export function StateBadge({ state }: { state: string | null }) {
  const t = useTranslations('vocabulary');
  const known = normalizeLifecycle(state);
  return <Badge tone={known ? STATE_TONE[known] : 'slate'}>{lifecycleLabel(t, state)}</Badge>;
}

export function TestBadge() {
  const t = useTranslations('cases');
  return (
    <Badge tone="amber" title={t('testBadgeTitle')}>
      {t('testBadge')}
    </Badge>
  );
}
