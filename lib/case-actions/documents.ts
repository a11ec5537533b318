import { z } from 'zod';
import { ConflictError, HttpError, ValidationError } from '@/lib/api/errors';
import {
  checkFile,
  DOCUMENT_EXTENSIONS,
  DOCUMENT_TYPES,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_DESCRIPTION,
  type FileProblem,
} from '@/lib/documents/rules';
import type { ActionView } from '@/lib/outbox/view';
import { perform, type Actor } from './perform';
import { documentRule } from './rules';

/**
 * Uploading a document for Debitura: the file is checked against Debitura's rules, then stored
 * in PostgreSQL with its document_upload action in one transaction (the worker sends it as
 * multipart from there, lib/documents/send.ts). A refused file stores nothing.
 */

export const documentFieldsSchema = z.object({
  documentType: z
    .enum(DOCUMENT_TYPES, { error: `documentType must be one of ${DOCUMENT_TYPES.join(', ')}` })
    .optional(),
  description: z
    .string({ error: 'description must be text' })
    .trim()
    .max(MAX_DOCUMENT_DESCRIPTION, `description is at most ${MAX_DOCUMENT_DESCRIPTION} characters`)
    .optional()
    .transform((value) => value || undefined),
});

export type DocumentFields = z.infer<typeof documentFieldsSchema>;
export type DocumentFile = { name: string; contentType: string; content: Buffer };

/** The JSON API's answer for each problem: 413 and 415 as Debitura itself answers them. */
export function fileProblemError(problem: FileProblem): HttpError {
  switch (problem) {
    case 'too_large':
      return new HttpError(413, 'too_large', `file is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`);
    case 'unsupported_type':
      return new HttpError(
        415,
        'unsupported_type',
        `file must be one of these types: ${DOCUMENT_EXTENSIONS.join(', ')}.`,
      );
    case 'missing':
      return new ValidationError('file is required (multipart/form-data field "file").');
    case 'empty':
      return new ValidationError('file is empty.');
    case 'bad_name':
      return new ValidationError('file needs a name of at most 255 characters.');
  }
}

export function uploadDocument(
  actor: Actor,
  reference: string,
  file: DocumentFile,
  fields: DocumentFields,
): Promise<ActionView> {
  const problem = checkFile({ name: file.name, size: file.content.byteLength });
  if (problem) return Promise.reject(fileProblemError(problem));
  const fileName = file.name.trim();
  return perform(
    actor,
    reference,
    'document_upload',
    async (_tx, target) => {
      const refused = documentRule(target);
      if (refused) throw new ConflictError(refused.message);
      return {
        payload: {
          fileName,
          sizeBytes: file.content.byteLength,
          ...(fields.documentType ? { documentType: fields.documentType } : {}),
          ...(fields.description ? { description: fields.description } : {}),
        },
      };
    },
    async (tx, action) => {
      await tx.outboundDocument.create({
        data: {
          actionId: action.id,
          fileName,
          contentType: file.contentType || 'application/octet-stream',
          sizeBytes: file.content.byteLength,
          content: new Uint8Array(file.content),
        },
      });
    },
  );
}
