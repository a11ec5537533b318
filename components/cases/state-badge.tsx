import { Badge } from '@/components/ui/badge';
import { lifecycleLabel, lifecycleTone } from '@/lib/cases/lifecycle';

export function StateBadge({ state }: { state: string | null }) {
  return <Badge tone={lifecycleTone(state)}>{lifecycleLabel(state)}</Badge>;
}

export function TestBadge() {
  return (
    <Badge tone="amber" title="Sent by Debitura as a test: not a real debt">
      Test
    </Badge>
  );
}
