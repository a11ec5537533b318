'use client';

import { useState } from 'react';
import useSWR from 'swr';
import type { DebituraFile } from '@/lib/documents/debitura-files';
import { fetcher, type FetchError } from './fetcher';

/** An upload as `GET /api/v1/cases/{reference}/documents` lists it. */
export type DocumentUploadView = {
  id: string;
  status: 'pending' | 'sent' | 'confirmed' | 'failed';
  error?: string;
  errorCode?: string;
  createdAt: string;
  sentAt: string | null;
  fileName: string;
  sizeBytes: number;
  documentType: string | null;
  description: string | null;
};

export type CaseDocumentsView = {
  files: DebituraFile[];
  filesError: string | null;
  filesErrorCode: 'notLinked' | 'unavailable' | null;
  uploads: DocumentUploadView[];
};

/** While an upload is on its way: how often to look again. */
const WHILE_SENDING_MS = 2_000;
/** Otherwise at least this often, and always before the soonest link expires. */
const AT_MOST_MS = 5 * 60_000;
const BEFORE_EXPIRY_MS = 15_000;

export function caseDocumentsKey(reference: string): string {
  return `/api/v1/cases/${encodeURIComponent(reference)}/documents`;
}

/**
 * A case's documents. Debitura's links are temporary, so the list is read again before the
 * soonest one expires (and every 2 s while an upload is being sent); nothing keeps a link longer.
 */
export function useCaseDocuments(reference: string) {
  // A number, not SWR's function form: SWR restarts its timer when the number changes, so an
  // upload stored a moment ago (a revalidation by mutate) gets the short interval at once.
  const [refreshMs, setRefreshMs] = useState(AT_MOST_MS);
  return useSWR<CaseDocumentsView, FetchError>(caseDocumentsKey(reference), fetcher, {
    refreshInterval: refreshMs,
    onSuccess: (data) => setRefreshMs(nextRefreshMs(data)),
    revalidateOnFocus: true,
    keepPreviousData: true,
  });
}

function nextRefreshMs(data: CaseDocumentsView): number {
  if (data.uploads.some((upload) => upload.status === 'pending')) return WHILE_SENDING_MS;
  const expiries = data.files.flatMap((file) => (file.linkExpiresAt ? [Date.parse(file.linkExpiresAt)] : []));
  const soonest = Math.min(...expiries, Date.now() + AT_MOST_MS);
  return Math.max(WHILE_SENDING_MS, Math.min(AT_MOST_MS, soonest - Date.now() - BEFORE_EXPIRY_MS));
}

/** A link past its expiry is never offered. */
export function isLinkLive(file: DebituraFile, now = Date.now()): boolean {
  return !!file.url && (!file.linkExpiresAt || Date.parse(file.linkExpiresAt) > now);
}
