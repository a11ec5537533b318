import type pg from 'pg';
import type { DebituraApiConfig } from '@/lib/debitura-api/client';
import { listCaseChats, listCasePayments, listCases } from '@/lib/debitura-api/connection';
import { feedInbox } from './inbox-feed';
import { snapshotEnvelopes, snapshotKeys, type CaseSnapshot } from './snapshot-events';
import type { PageResult, SyncRun } from './sync-runs';

/**
 * The first sync: `GET /cases` page by page (oldest first, so cases Debitura adds meanwhile
 * land on later pages rather than shifting earlier ones), every status, and for each case
 * its chats and payments; each case becomes snapshot events through the inbox.
 */

export const PAGE_SIZE = 100;
/** Cases whose chats and payments are read at once: a few, so other senders get their share of the rate limit. */
const CONCURRENCY = 4;

export async function importPage(config: DebituraApiConfig, run: SyncRun, pool: pg.Pool): Promise<PageResult> {
  const page = await listCases(config, {
    page: run.nextPage,
    pageSize: PAGE_SIZE,
    sort: 'DateCreated:asc',
    includeTestCases: run.includeTest,
  });
  const snapshots = await readSnapshots(config, page.cases);
  const readAt = new Date();
  await feedInbox(
    snapshots.flatMap((snapshot) => snapshotEnvelopes(snapshot, readAt).map((envelope) => JSON.stringify(envelope))),
    'debitura-import',
    pool,
  );
  return {
    casesDone: page.cases.length,
    totalCases: page.totalResults,
    eventsRecovered: 0,
    differencesFixed: 0,
    isLastPage: page.cases.length < PAGE_SIZE || (page.totalPages !== null && run.nextPage >= page.totalPages),
  };
}

/** Each case with its chats and payments, CONCURRENCY cases at a time. */
export async function readSnapshots(
  config: DebituraApiConfig,
  cases: Record<string, unknown>[],
): Promise<CaseSnapshot[]> {
  const snapshots: CaseSnapshot[] = [];
  for (let start = 0; start < cases.length; start += CONCURRENCY) {
    const batch = cases.slice(start, start + CONCURRENCY);
    snapshots.push(...(await Promise.all(batch.map((dto) => readSnapshot(config, dto)))));
  }
  return snapshots;
}

export async function readSnapshot(config: DebituraApiConfig, dto: Record<string, unknown>): Promise<CaseSnapshot> {
  const keys = snapshotKeys(dto);
  if (!keys) return { dto, chats: [], payments: [] };
  const [chats, payments] = await Promise.all([
    listCaseChats(config, keys.caseId),
    listCasePayments(config, keys.caseId),
  ]);
  return { dto, chats, payments };
}
