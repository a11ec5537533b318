import { useTranslations } from 'next-intl';
import { Badge, type Tone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { LocalTime } from '@/components/ui/local-time';
import { closeCodeGroup, normalizeCloseCode, type CloseCodeGroup } from '@/lib/cases/close-codes';
import { closeCodeGroupLabel, closeCodeLabel, closeCodeMeaning } from '@/lib/i18n/vocabulary';

const GROUP_TONE: Record<CloseCodeGroup, Tone> = {
  success: 'green',
  'debtor-side': 'orange',
  'client-decision': 'blue',
  'collection-exhausted': 'amber',
  system: 'slate',
  other: 'slate',
};

/** How the case ended: the close code's name, meaning and group (lib/cases/close-codes.ts), and the comment. */
export function CloseCodePanel({
  closeCode,
  comment,
  closedAt,
}: {
  closeCode: string;
  comment: string | null;
  closedAt: Date | null;
}) {
  const t = useTranslations('case.closeCode');
  const vocabulary = useTranslations('vocabulary');
  const group = closeCodeGroup(closeCode);
  return (
    <Card
      title={t('title')}
      id="close-code-heading"
      actions={<Badge tone={GROUP_TONE[group]}>{closeCodeGroupLabel(vocabulary, group)}</Badge>}
    >
      <div data-testid="close-code" className="space-y-2">
        <p className="text-lg font-semibold">{closeCodeLabel(vocabulary, closeCode)}</p>
        <p className="text-sm text-slate-700">{closeCodeMeaning(vocabulary, closeCode)}</p>
        <p className="font-mono text-xs text-slate-500">{normalizeCloseCode(closeCode) ?? closeCode}</p>
        {closedAt ? (
          <p className="text-sm text-slate-600">{t.rich('closedAt', { time: () => <LocalTime value={closedAt} /> })}</p>
        ) : null}
        {comment ? (
          <blockquote className="border-l-4 border-slate-200 pl-3 text-sm whitespace-pre-wrap text-slate-800">
            <span className="sr-only">{t('comment')}</span>
            {comment}
          </blockquote>
        ) : normalizeCloseCode(closeCode) === 'Other' ? (
          <p className="text-sm text-slate-500">{t('noComment')}</p>
        ) : null}
      </div>
    </Card>
  );
}
