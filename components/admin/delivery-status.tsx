import { Badge, type Tone } from '@/components/ui/badge';

const TONES: Record<string, Tone> = { applied: 'green', ignored: 'slate', failed: 'red', received: 'amber' };

/** An inbox status, plus how many times the same event came again. */
export function DeliveryStatus({ status, duplicateCount }: { status: string; duplicateCount: number }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={TONES[status] ?? 'slate'}>{status}</Badge>
      {duplicateCount > 0 ? (
        <Badge tone="blue" title="Later deliveries of the same event id, acknowledged and not applied again">
          +{duplicateCount} duplicate{duplicateCount === 1 ? '' : 's'}
        </Badge>
      ) : null}
    </span>
  );
}

export function ModeBadge({ isTest, isReplay }: { isTest: boolean; isReplay?: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={isTest ? 'violet' : 'slate'}>{isTest ? 'test' : 'live'}</Badge>
      {isReplay ? <Badge tone="orange">replay</Badge> : null}
    </span>
  );
}
