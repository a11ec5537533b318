import { Badge, type Tone } from '@/components/ui/badge';
import { normalizeLifecycle, type LifecycleState } from '@/lib/cases/lifecycle';
import { englishVocabulary, lifecycleLabel } from '@/lib/i18n/vocabulary';

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
  const known = normalizeLifecycle(state);
  return <Badge tone={known ? STATE_TONE[known] : 'slate'}>{lifecycleLabel(englishVocabulary, state)}</Badge>;
}

export function TestBadge() {
  return (
    <Badge tone="amber" title="Sent by Debitura as a test: not a real debt">
      Test
    </Badge>
  );
}
