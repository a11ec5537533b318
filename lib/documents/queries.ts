import 'server-only';
import { ForbiddenError, NotFoundError } from '@/lib/api/errors';
import { canViewCase, type Viewer } from '@/lib/cases/visibility';
import { db } from '@/lib/db';
import { listFiles } from '@/lib/debitura-api/cases';
import { DebituraApiError } from '@/lib/debitura-api/errors';
import type { ActionPayloads } from '@/lib/outbox/kinds';
import { ACTION_VIEW_SELECT, toActionView, type ActionView } from '@/lib/outbox/view';
import { normalizeFiles, type DebituraFile } from './debitura-files';

/**
 * A case's documents: the files Debitura holds, read from Debitura on every request (their
 * links are temporary: nothing here keeps them), and the uploads still on their way or
 * refused, from the outbox. When Debitura cannot be asked, the uploads still show, with why.
 */

export type CaseDocuments = {
  files: DebituraFile[];
  /**
   * Why Debitura's list is missing: `notLinked` (Debitura's id for the case has not arrived yet)
   * or `unavailable` (Debitura not configured, unreachable or refusing; its words in filesError).
   */
  filesErrorCode: 'notLinked' | 'unavailable' | null;
  filesError: string | null;
  uploads: (ActionView & { payload: ActionPayloads['document_upload'] })[];
};

/** How many recent uploads are listed beside Debitura's files. */
const UPLOADS_SHOWN = 20;

export async function getCaseDocuments(viewer: Viewer, reference: string): Promise<CaseDocuments> {
  const found = await db.case.findUnique({
    where: { reference },
    select: { id: true, assigneeId: true, debituraCaseId: true },
  });
  if (!found) throw new NotFoundError(`No case with the reference ${reference}.`);
  if (!canViewCase(viewer, found.assigneeId)) throw new ForbiddenError('This case is assigned to another collector.');
  const [files, uploads] = await Promise.all([
    readFiles(found.debituraCaseId),
    db.outboundAction.findMany({
      where: { caseId: found.id, kind: 'document_upload' },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: UPLOADS_SHOWN,
      select: ACTION_VIEW_SELECT,
    }),
  ]);
  return { ...files, uploads: uploads.map(toActionView) as CaseDocuments['uploads'] };
}

type FilesRead = Pick<CaseDocuments, 'files' | 'filesError' | 'filesErrorCode'>;

async function readFiles(debituraCaseId: string | null): Promise<FilesRead> {
  if (!debituraCaseId) {
    return { files: [], filesErrorCode: 'notLinked', filesError: "Debitura's id for this case is not known yet." };
  }
  try {
    return { files: normalizeFiles(await listFiles(debituraCaseId)), filesErrorCode: null, filesError: null };
  } catch (error) {
    if (!(error instanceof DebituraApiError)) throw error;
    return { files: [], filesErrorCode: 'unavailable', filesError: error.userMessage };
  }
}
