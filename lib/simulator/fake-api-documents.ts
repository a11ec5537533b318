import { createHmac, randomUUID } from 'node:crypto';
import { normalizeLifecycle } from '@/lib/cases/lifecycle';
import { DOCUMENT_EXTENSIONS, DOCUMENT_TYPES, extensionOf, MAX_DOCUMENT_BYTES } from '@/lib/documents/rules';
import type { InvoiceDto } from './dto';
import type { Answer } from './fake-api-actions';

/**
 * The fake API's case documents (docs/debitura.md "Documents"): `POST /cases/{id}/files`
 * (multipart `File`, `DocumentType?`, `Description?` ≤ 500) with Debitura's answers (413 over
 * the size limit, 415 for another extension, 409 on a Merged case, 400 for bad fields), and
 * `GET /cases/{id}/files` with temporary signed links served by `/__simulator/files/{id}`,
 * which stop working when they expire. The size limit, extensions and link lifetime can be
 * changed (setRules) so tests can make Debitura refuse what Casedesk lets through.
 */

export type FakeFile = {
  id: string;
  caseId: string;
  fileName: string;
  documentType: string | null;
  description: string | null;
  size: number;
  createdAt: string;
  content: Buffer;
  contentType: string;
};

export type DocumentRules = { maxBytes: number; extensions: readonly string[]; linkLifetimeMs: number };

type Act = (kind: string, caseId: string, body: unknown, run: () => Answer) => Answer;

export function createFakeDocuments(state: { byId: Map<string, InvoiceDto> }, act: Act, baseUrl: () => string) {
  const files: FakeFile[] = [];
  const signingKey = randomUUID();
  let rules: DocumentRules = {
    maxBytes: MAX_DOCUMENT_BYTES,
    extensions: DOCUMENT_EXTENSIONS,
    linkLifetimeMs: 10 * 60_000,
  };
  let uploadAttempts = 0;

  const business = (status: number, type: string, message: string): Answer => ({
    status,
    body: { error: type, message, businessErrors: [{ type, message, solutionUrl: null }] },
  });
  const sign = (id: string, expires: number) =>
    createHmac('sha256', signingKey).update(`${id}:${expires}`).digest('hex');

  const upload = (detail: InvoiceDto, form: FormData): Answer => {
    const file = form.get('File');
    if (!(file instanceof File)) return business(400, 'FileRequired', 'File is required.');
    const documentType = form.get('DocumentType');
    if (documentType !== null && !(DOCUMENT_TYPES as readonly string[]).includes(String(documentType))) {
      return business(400, 'InvalidDocumentType', `DocumentType must be one of ${DOCUMENT_TYPES.join(', ')}.`);
    }
    const description = form.get('Description');
    if (typeof description === 'string' && description.length > 500) {
      return business(400, 'DescriptionTooLong', 'Description is at most 500 characters.');
    }
    if (file.size > rules.maxBytes) return business(413, 'FileTooLarge', 'The file exceeds the maximum size.');
    if (!rules.extensions.includes(extensionOf(file.name))) {
      return business(415, 'UnsupportedFileType', `Files of type .${extensionOf(file.name)} are not accepted.`);
    }
    if (normalizeLifecycle(detail.lifecycle) === 'Merged') {
      return business(409, 'CaseMerged', 'Files cannot be added to a merged case.');
    }
    return { status: 0, body: { file, documentType, description } };
  };

  const store = async (detail: InvoiceDto, form: FormData): Promise<Answer> => {
    uploadAttempts++;
    const checked = upload(detail, form);
    if (checked.status !== 0) return act('document_upload', detail.id.toLowerCase(), null, () => checked);
    const { file, documentType, description } = checked.body as {
      file: File;
      documentType: string | null;
      description: string | null;
    };
    const content = Buffer.from(await file.arrayBuffer());
    const body = { fileName: file.name, size: file.size, documentType, description };
    return act('document_upload', detail.id.toLowerCase(), body, () => {
      const stored: FakeFile = {
        id: randomUUID(),
        caseId: detail.id.toLowerCase(),
        fileName: file.name,
        documentType,
        description: typeof description === 'string' ? description : null,
        size: file.size,
        createdAt: new Date().toISOString(),
        content,
        contentType: file.type || 'application/octet-stream',
      };
      files.push(stored);
      return { status: 200, body: view(stored) };
    });
  };

  const view = (file: FakeFile) => {
    const expires = Date.now() + rules.linkLifetimeMs;
    return {
      id: file.id,
      fileName: file.fileName,
      documentType: file.documentType,
      description: file.description,
      size: file.size,
      createdAt: file.createdAt,
      url: `${baseUrl()}/__simulator/files/${file.id}?expires=${expires}&sig=${sign(file.id, expires)}`,
      expiresAt: new Date(expires).toISOString(),
    };
  };

  /** `/cases/{id}/files` (null for any other path). */
  const route = async (
    method: string,
    path: string,
    raw: Buffer,
    contentType: string | undefined,
  ): Promise<Answer | null> => {
    const match = /^\/cases\/([^/]+)\/files$/.exec(path);
    if (!match) return null;
    const detail = state.byId.get(decodeURIComponent(match[1]).toLowerCase());
    if (!detail) return business(404, 'CaseNotFound', 'Case not found.');
    if (method === 'GET') {
      const caseId = detail.id.toLowerCase();
      return { status: 200, body: files.filter((file) => file.caseId === caseId).map(view) };
    }
    if (method !== 'POST') return { status: 405, body: { message: 'Method not allowed' } };
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType ?? '' } }).formData();
    } catch {
      return business(400, 'InvalidMultipart', 'The request must be multipart/form-data.');
    }
    return store(detail, form);
  };

  /** A signed link: the file while it is valid, 403 once it has expired or was tampered with. */
  const download = (url: URL): { status: number; body: Buffer | string; contentType: string } | null => {
    const match = /^\/__simulator\/files\/([^/]+)$/.exec(url.pathname);
    if (!match) return null;
    const expires = Number(url.searchParams.get('expires'));
    const file = files.find((candidate) => candidate.id === match[1]);
    const isValid = file && url.searchParams.get('sig') === sign(file.id, expires) && expires > Date.now();
    if (!file || !isValid) return { status: 403, body: 'This link has expired.', contentType: 'text/plain' };
    return { status: 200, body: file.content, contentType: file.contentType };
  };

  return {
    route,
    download,
    files,
    uploadAttempts: () => uploadAttempts,
    setRules: (next: Partial<DocumentRules>) => (rules = { ...rules, ...next }),
  };
}

export type FakeDocuments = ReturnType<typeof createFakeDocuments>;
