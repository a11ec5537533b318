'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { DebituraFile } from '@/lib/documents/debitura-files';
import { isLinkLive } from '@/lib/swr/use-case-documents';

type Props = {
  files: DebituraFile[];
  filesError: string | null;
  filesErrorCode: 'notLinked' | 'unavailable' | null;
  onExpired: () => void;
};

/**
 * Debitura's files. Each link is temporary: it is offered only until it expires, and a click
 * on one that has just expired fetches fresh links instead of opening a dead one.
 */
export function FileList({ files, filesError, filesErrorCode, onExpired }: Props) {
  const t = useTranslations('documents');
  const format = useFormatter();
  if (filesErrorCode) {
    return (
      <p className="text-sm text-amber-800" role="status">
        {filesErrorCode === 'notLinked' ? t('notLinked') : t('filesUnavailable', { reason: filesError ?? '' })}
      </p>
    );
  }
  if (!files.length) return <p className="text-sm text-slate-600">{t('noFiles')}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm" aria-label={t('filesTitle')} data-testid="document-files">
      {files.map((file, index) => (
        <li key={file.id ?? `${file.fileName}-${index}`} className="space-y-0.5 py-2">
          {isLinkLive(file) ? (
            <a
              href={file.url!}
              target="_blank"
              rel="noopener noreferrer"
              className="font-medium break-all underline underline-offset-2"
              onClick={(event) => {
                if (isLinkLive(file)) return;
                event.preventDefault();
                onExpired();
              }}
            >
              {file.fileName}
            </a>
          ) : (
            <span className="font-medium break-all">
              {file.fileName} <span className="text-xs font-normal text-slate-500">({t('linkExpired')})</span>
            </span>
          )}
          <div className="text-xs text-slate-500">
            {[
              file.documentType ? typeLabel(t, file.documentType) : null,
              file.sizeBytes !== null ? formatSize(format, file.sizeBytes) : null,
              file.uploadedAt ? format.dateTime(new Date(file.uploadedAt), { dateStyle: 'medium' }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </div>
          {file.description ? <p className="text-slate-700">{file.description}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/** A type Casedesk knows gets its translated name; another is shown as Debitura sent it. */
function typeLabel(t: ReturnType<typeof useTranslations<'documents'>>, type: string): string {
  return t.has(`types.${type}` as never) ? t(`types.${type}` as never) : type;
}

function formatSize(format: ReturnType<typeof useFormatter>, bytes: number): string {
  return bytes >= 1024 * 1024
    ? format.number(bytes / 1024 / 1024, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
    : format.number(Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' });
}
