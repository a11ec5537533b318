/**
 * What Debitura accepts as a case document (docs/debitura.md "Documents"): at most 25 MB, one
 * of a dozen extensions, an optional document type and a description of at most 500
 * characters. Checked before anything is stored, so a file Debitura would refuse is never
 * queued; Debitura's own 413 and 415 still get clear words (lib/documents/send.ts).
 */

export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;
export const MAX_DOCUMENT_DESCRIPTION = 500;
export const MAX_FILE_NAME = 255;
export const DOCUMENT_EXTENSIONS = [
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'jpg',
  'jpeg',
  'png',
  'txt',
  'zip',
  'csv',
  'eml',
] as const;
export const DOCUMENT_TYPES = [
  'DebtorDocuments',
  'CreditorDocuments',
  'PartnerDocuments',
  'OriginalInvoice',
  'DemandLetter',
  'Miscellaneous',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The extension, lower case, without the dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const match = /\.([^./\\]+)$/.exec(fileName.trim());
  return match ? match[1].toLowerCase() : '';
}

export function isAllowedExtension(fileName: string): boolean {
  return (DOCUMENT_EXTENSIONS as readonly string[]).includes(extensionOf(fileName));
}

export function isDocumentType(value: unknown): value is DocumentType {
  return typeof value === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(value);
}

/** Why a file cannot go to Debitura, or null when it can. */
export type FileProblem = 'missing' | 'empty' | 'too_large' | 'unsupported_type' | 'bad_name';

export function checkFile(file: { name: string; size: number } | null): FileProblem | null {
  if (!file) return 'missing';
  const name = file.name.trim();
  if (!name || name.length > MAX_FILE_NAME || /[\u0000-\u001f]/.test(name)) return 'bad_name';
  if (!isAllowedExtension(name)) return 'unsupported_type';
  if (file.size > MAX_DOCUMENT_BYTES) return 'too_large';
  if (file.size === 0) return 'empty';
  return null;
}
