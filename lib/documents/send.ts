import { db } from '@/lib/db';
import { listFiles, uploadFile } from '@/lib/debitura-api/cases';
import { DebituraApiError, PermanentApiError } from '@/lib/debitura-api/errors';
import type { ActionPayloads } from '@/lib/outbox/kinds';
import type { SendableAction, SendResult } from '@/lib/outbox/send';
import { normalizeFiles, type DebituraFile } from './debitura-files';
import { DOCUMENT_EXTENSIONS, MAX_DOCUMENT_BYTES } from './rules';

/**
 * Sends a stored document to Debitura as multipart (`File`, `DocumentType`, `Description`).
 * Debitura takes no Idempotency-Key for files (docs/debitura.md "Idempotency"), so when an
 * earlier attempt may have reached it (a timeout, a reset, a 5xx, a crash: attempts > 1), the
 * case's file list is read first and a file with the same name and size uploaded since the
 * action was stored counts as done: it is never uploaded twice.
 */

type Payload = ActionPayloads['document_upload'];

/** Allowance for Debitura's clock against ours when comparing an upload time. */
const CLOCK_SKEW_MS = 5 * 60_000;

export async function sendDocument(payload: Payload, action: SendableAction): Promise<SendResult> {
  if (action.attempts > 1) {
    const already = findUploaded(normalizeFiles(await listFiles(action.debituraCaseId)), payload, action.createdAt);
    if (already) return { response: { ...already, recoveredAfterAmbiguousAttempt: true }, isRecovered: true };
  }
  const stored = await db.outboundDocument.findUnique({ where: { actionId: action.id } });
  if (!stored) {
    throw new PermanentApiError('The stored file is gone, so it cannot be sent: upload it again', { status: null });
  }
  const form = new FormData();
  form.append('File', new Blob([new Uint8Array(stored.content)], { type: stored.contentType }), stored.fileName);
  if (payload.documentType) form.append('DocumentType', payload.documentType);
  if (payload.description) form.append('Description', payload.description);
  try {
    return { response: await uploadFile(action.debituraCaseId, form) };
  } catch (error) {
    throw withClearWords(error);
  }
}

function findUploaded(files: DebituraFile[], payload: Payload, since: Date): DebituraFile | null {
  return (
    files.find((file) => {
      if (file.fileName !== payload.fileName) return false;
      if (file.sizeBytes !== null && file.sizeBytes !== payload.sizeBytes) return false;
      const at = file.uploadedAt ? Date.parse(file.uploadedAt) : NaN;
      return Number.isNaN(at) || at >= since.getTime() - CLOCK_SKEW_MS;
    }) ?? null
  );
}

/** Debitura's 413 and 415 in words a collector can act on, with Debitura's own after them. */
function withClearWords(error: unknown): unknown {
  if (!(error instanceof DebituraApiError) || (error.status !== 413 && error.status !== 415)) return error;
  const plain =
    error.status === 413
      ? `Debitura refused the file as too large (the limit is ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB).`
      : `Debitura does not accept this type of file (allowed: ${DOCUMENT_EXTENSIONS.join(', ')}).`;
  const theirs = error.userMessage && !error.userMessage.startsWith('POST ') ? ` Debitura: ${error.userMessage}` : '';
  return new PermanentApiError(`${plain}${theirs}`, { status: error.status, body: { message: `${plain}${theirs}` } });
}
