'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Badge, type Tone } from '@/components/ui/badge';
import type { DocumentUploadView } from '@/lib/swr/use-case-documents';

const TONES: Record<DocumentUploadView['status'], Tone> = {
  pending: 'amber',
  sent: 'green',
  confirmed: 'green',
  failed: 'red',
};

/** Uploads stored here, with where each stands; Debitura's refusal is shown in its own words. */
export function UploadList({ uploads }: { uploads: DocumentUploadView[] }) {
  const t = useTranslations('documents');
  const format = useFormatter();
  return (
    <section aria-labelledby="document-uploads-heading" className="space-y-2">
      <h3 id="document-uploads-heading" className="text-sm font-medium text-slate-800">
        {t('uploadsTitle')}
      </h3>
      <ul className="divide-y divide-slate-100 text-sm" aria-live="polite">
        {uploads.map((upload) => (
          <li key={upload.id} className="space-y-1 py-2" data-testid="document-upload">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium break-all">{upload.fileName}</span>
              <Badge tone={TONES[upload.status]}>{t(`status.${upload.status}`)}</Badge>
            </div>
            <div className="text-xs text-slate-500">
              {t('storedAt', {
                when: format.dateTime(new Date(upload.createdAt), { dateStyle: 'medium', timeStyle: 'short' }),
              })}
              {upload.documentType ? ` · ${t(`types.${upload.documentType}` as never)}` : ''}
            </div>
            {upload.status === 'failed' && upload.error ? (
              <p className="text-sm text-red-700">{t('refused', { reason: upload.error })}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
