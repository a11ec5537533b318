import { useTranslations } from 'next-intl';
import { Badge, type Tone } from '@/components/ui/badge';
import { DELIVERY_STATUSES } from '@/lib/admin/params';

const TONES: Record<string, Tone> = { applied: 'green', ignored: 'slate', failed: 'red', received: 'amber' };
const KNOWN_STATUSES = new Set<string>(DELIVERY_STATUSES);

/** An inbox status, plus how many times the same event came again. */
export function DeliveryStatus({ status, duplicateCount }: { status: string; duplicateCount: number }) {
  const t = useTranslations('admin.delivery');
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={TONES[status] ?? 'slate'}>{KNOWN_STATUSES.has(status) ? t(`status.${status}`) : status}</Badge>
      {duplicateCount > 0 ? (
        <Badge tone="blue" title={t('duplicatesTitle')}>
          {t('duplicates', { count: duplicateCount })}
        </Badge>
      ) : null}
    </span>
  );
}

export function ModeBadge({ isTest, isReplay }: { isTest: boolean; isReplay?: boolean }) {
  const t = useTranslations('admin.delivery');
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={isTest ? 'violet' : 'slate'}>{isTest ? t('mode.test') : t('mode.live')}</Badge>
      {isReplay ? <Badge tone="orange">{t('mode.replay')}</Badge> : null}
    </span>
  );
}
