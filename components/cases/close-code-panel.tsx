import { Badge, type Tone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { LocalTime } from '@/components/ui/local-time';
import { closeCodeGroup, normalizeCloseCode, type CloseCodeGroup } from '@/lib/cases/close-codes';
import { closeCodeGroupLabel, closeCodeLabel, closeCodeMeaning, englishVocabulary as t } from '@/lib/i18n/vocabulary';

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
  const group = closeCodeGroup(closeCode);
  return (
    <Card
      title="Close code"
      id="close-code-heading"
      actions={<Badge tone={GROUP_TONE[group]}>{closeCodeGroupLabel(t, group)}</Badge>}
    >
      <div data-testid="close-code" className="space-y-2">
        <p className="text-lg font-semibold">{closeCodeLabel(t, closeCode)}</p>
        <p className="text-sm text-slate-700">{closeCodeMeaning(t, closeCode)}</p>
        <p className="font-mono text-xs text-slate-500">{normalizeCloseCode(closeCode) ?? closeCode}</p>
        {closedAt ? (
          <p className="text-sm text-slate-600">
            Closed <LocalTime value={closedAt} />
          </p>
        ) : null}
        {comment ? (
          <blockquote className="border-l-4 border-slate-200 pl-3 text-sm whitespace-pre-wrap text-slate-800">
            <span className="sr-only">Comment: </span>
            {comment}
          </blockquote>
        ) : normalizeCloseCode(closeCode) === 'Other' ? (
          <p className="text-sm text-slate-500">No comment was given.</p>
        ) : null}
      </div>
    </Card>
  );
}
