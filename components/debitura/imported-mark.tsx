import { getTranslations } from 'next-intl/server';
import { isSnapshotEventId } from '@/lib/debitura/snapshot-events';

/** Beside a timeline entry the import or a repair derived from Debitura's snapshot: its exact time is not known. */
export async function ImportedMark({ eventId }: { eventId: string | null }) {
  if (!isSnapshotEventId(eventId)) return null;
  const t = await getTranslations('connection');
  return (
    <span className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-xs text-slate-700">
      {t('importedEntry')}
    </span>
  );
}
