'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Textarea } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { checkFile, DOCUMENT_EXTENSIONS, DOCUMENT_TYPES, MAX_DOCUMENT_DESCRIPTION } from '@/lib/documents/rules';
import { caseDocumentsKey } from '@/lib/swr/use-case-documents';

type Status =
  | { state: 'idle' }
  | { state: 'uploading'; percent: number }
  | { state: 'stored'; fileName: string }
  | { state: 'error'; message: string };

const MAX_MB = 25;

/**
 * Picks a file and sends it to Casedesk (the JSON API), showing the upload's progress; once
 * stored, the outbox takes it to Debitura and the list above shows how that goes. A file
 * Debitura would refuse (type, size) is refused here before anything is sent.
 */
export function UploadForm({ reference, onStored }: { reference: string; onStored: () => void }) {
  const t = useTranslations('documents');
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const formRef = useRef<HTMLFormElement>(null);
  const ids = { file: useId(), type: useId(), description: useId(), status: useId() };
  const isUploading = status.state === 'uploading';

  const problemMessage = (problem: string): string => {
    if (problem === 'too_large') return t('errors.tooLarge', { max: MAX_MB });
    if (problem === 'unsupported_type') return t('errors.unsupportedType', { types: DOCUMENT_EXTENSIONS.join(', ') });
    if (problem === 'empty') return t('errors.empty');
    return t('errors.chooseFile');
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get('file');
    const problem = checkFile(file instanceof File && file.name ? file : null);
    if (problem) return setStatus({ state: 'error', message: problemMessage(problem) });
    const fileName = (file as File).name;
    const request = new XMLHttpRequest();
    request.open('POST', caseDocumentsKey(reference));
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (progress) => {
      if (progress.lengthComputable)
        setStatus({ state: 'uploading', percent: Math.round((progress.loaded / progress.total) * 100) });
    };
    request.onload = () => {
      if (request.status === 202) {
        formRef.current?.reset();
        setStatus({ state: 'stored', fileName });
        onStored();
        return;
      }
      const code = readErrorCode(request.responseText);
      const message =
        code === 'too_large' || code === 'unsupported_type'
          ? problemMessage(code)
          : code === 'forbidden'
            ? t('errors.forbidden')
            : code === 'conflict' || code === 'invalid'
              ? t('errors.refused', { reason: readErrorMessage(request.responseText) })
              : t('errors.failed', { status: request.status });
      setStatus({ state: 'error', message });
    };
    request.onerror = () => setStatus({ state: 'error', message: t('errors.network') });
    setStatus({ state: 'uploading', percent: 0 });
    request.send(data);
  };

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-3" aria-label={t('uploadLabel')} noValidate>
      <Field label={t('file')} htmlFor={ids.file} hint={t('fileHint', { max: MAX_MB })}>
        <Input
          id={ids.file}
          name="file"
          type="file"
          required
          accept={DOCUMENT_EXTENSIONS.map((extension) => `.${extension}`).join(',')}
          aria-describedby={`${ids.file}-hint ${ids.status}`}
          disabled={isUploading}
        />
      </Field>
      <Field label={t('documentType')} htmlFor={ids.type}>
        <Select
          id={ids.type}
          name="documentType"
          disabled={isUploading}
          options={[
            { value: '', label: t('noType') },
            ...DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) })),
          ]}
        />
      </Field>
      <Field
        label={t('description')}
        htmlFor={ids.description}
        hint={t('descriptionHint', { max: MAX_DOCUMENT_DESCRIPTION })}
      >
        <Textarea
          id={ids.description}
          name="description"
          rows={2}
          maxLength={MAX_DOCUMENT_DESCRIPTION}
          aria-describedby={`${ids.description}-hint`}
          disabled={isUploading}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={isUploading}>
          {isUploading ? t('uploading') : t('upload')}
        </Button>
        {status.state === 'uploading' ? (
          <progress max={100} value={status.percent} aria-label={t('progress')} className="h-2 w-40" />
        ) : null}
      </div>
      <p
        id={ids.status}
        role="status"
        aria-live="polite"
        className={`text-sm ${status.state === 'error' ? 'text-red-700' : 'text-slate-700'}`}
      >
        {status.state === 'uploading'
          ? t('uploadingPercent', { percent: status.percent })
          : status.state === 'stored'
            ? t('stored', { name: status.fileName })
            : status.state === 'error'
              ? status.message
              : null}
      </p>
    </form>
  );
}

function readErrorCode(text: string): string | null {
  try {
    return (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    return null;
  }
}

function readErrorMessage(text: string): string {
  try {
    return (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? '';
  } catch {
    return '';
  }
}
