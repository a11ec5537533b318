'use client';

import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { useCaseDocuments } from '@/lib/swr/use-case-documents';
import { FileList } from './file-list';
import { UploadForm } from './upload-form';
import { UploadList } from './upload-list';

/**
 * The case's documents: an upload form (for those who may act on the case), the uploads on
 * their way to Debitura with their status, and the files Debitura holds with their temporary
 * links, read from Debitura on each refresh.
 */
export function DocumentsPanel({ reference, canUpload }: { reference: string; canUpload: boolean }) {
  const t = useTranslations('documents');
  const { data, error, isLoading, mutate } = useCaseDocuments(reference);
  return (
    <Card title={t('title')} id="documents-heading">
      <div className="space-y-4">
        {canUpload ? <UploadForm reference={reference} onStored={() => void mutate()} /> : null}
        {data?.uploads.length ? <UploadList uploads={data.uploads} /> : null}
        {isLoading ? (
          <p className="text-sm text-slate-600">{t('loading')}</p>
        ) : error ? (
          <p role="alert" className="text-sm text-red-700">
            {t('loadFailed')}
          </p>
        ) : data ? (
          <FileList
            files={data.files}
            filesError={data.filesError}
            filesErrorCode={data.filesErrorCode}
            onExpired={() => void mutate()}
          />
        ) : null}
      </div>
    </Card>
  );
}
