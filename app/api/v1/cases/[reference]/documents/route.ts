import { ValidationError } from '@/lib/api/errors';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { accepted, answer, publicAction } from '@/lib/case-actions/http';
import { documentFieldsSchema, fileProblemError, uploadDocument } from '@/lib/case-actions/documents';
import { getCaseDocuments } from '@/lib/documents/queries';
import { MAX_DOCUMENT_BYTES } from '@/lib/documents/rules';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ reference: string }> };

/** Room for the multipart framing and the other fields around a file of the largest size. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * `POST` multipart/form-data (`file`, `documentType?`, `description?`): the document is stored
 * and answered 202 `{action}`; the worker sends it to Debitura. Too large: 413; a type Debitura
 * refuses: 415; other bad input: 422; nothing is stored then.
 */
export function POST(request: Request, { params }: Context) {
  return answer(async () => {
    const actor = await authenticateApiRequest(request, 'cases:act');
    const { reference } = await params;
    // Refuse an oversized body before reading it.
    if (Number(request.headers.get('content-length')) > MAX_DOCUMENT_BYTES + FORM_OVERHEAD_BYTES) {
      throw fileProblemError('too_large');
    }
    if (!/^multipart\/form-data/i.test(request.headers.get('content-type') ?? '')) {
      throw new ValidationError('The body must be multipart/form-data with a "file" field.', 400);
    }
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new ValidationError('The multipart body could not be read.', 400);
    }
    const file = form.get('file');
    if (!(file instanceof File)) throw fileProblemError('missing');
    const fields = documentFieldsSchema.parse({
      documentType: textField(form, 'documentType'),
      description: textField(form, 'description'),
    });
    const content = Buffer.from(await file.arrayBuffer());
    return accepted(
      await uploadDocument(actor, reference, { name: file.name, contentType: file.type, content }, fields),
    );
  });
}

/** `{files: [...], filesError, filesErrorCode, uploads: [{action}]}`: Debitura's files with their temporary links, never cached. */
export function GET(request: Request, { params }: Context) {
  return answer(async () => {
    const viewer = await authenticateApiRequest(request, 'cases:read');
    const { reference } = await params;
    const documents = await getCaseDocuments(viewer, reference);
    return Response.json(
      {
        files: documents.files,
        filesError: documents.filesError,
        filesErrorCode: documents.filesErrorCode,
        uploads: documents.uploads.map((upload) => ({
          ...publicAction(upload),
          fileName: upload.payload.fileName,
          sizeBytes: upload.payload.sizeBytes,
          documentType: upload.payload.documentType ?? null,
          description: upload.payload.description ?? null,
        })),
      },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  });
}

/** An optional text field: absent or blank is undefined; a file where text belongs is refused. */
function textField(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  if (value === null) return undefined;
  if (typeof value !== 'string') throw new ValidationError(`${name} must be text.`);
  return value.trim() || undefined;
}
