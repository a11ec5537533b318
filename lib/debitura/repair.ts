import type pg from 'pg';
import type { DebituraApiConfig } from '@/lib/debitura-api/client';
import { listCaseEvents, listCases } from '@/lib/debitura-api/connection';
import { normalizeCloseCode } from '@/lib/cases/close-codes';
import { normalizeLifecycle } from '@/lib/cases/lifecycle';
import { enumFromWire } from '@/lib/webhooks/normalize';
import { PAGE_SIZE, readSnapshot } from './import';
import { feedInbox } from './inbox-feed';
import { snapshotEnvelopes, snapshotKeys, snapshotTime } from './snapshot-events';
import { REPAIR_MARGIN_MS, type PageResult, type SyncRun } from './sync-runs';

/**
 * Filling gaps left by deliveries that never came (Casedesk down, the subscription disabled).
 * Debitura has no global event feed, only a per-case log, so: list cases most recently
 * changed first until one is older than the run's window, and for each changed case put
 * every logged event into the inbox (already-known event ids change nothing). Where the log
 * brought nothing and the case still differs from Debitura's snapshot (state, close code),
 * the snapshot itself is applied as imported events.
 */

export async function repairPage(config: DebituraApiConfig, run: SyncRun, pool: pg.Pool): Promise<PageResult> {
  const since = new Date((run.since ?? run.startedAt).getTime() - REPAIR_MARGIN_MS);
  const page = await listCases(config, {
    page: run.nextPage,
    pageSize: PAGE_SIZE,
    sort: 'DateUpdated:desc',
    includeTestCases: run.includeTest,
  });
  const readAt = new Date();
  const result: PageResult = {
    casesDone: 0,
    totalCases: null,
    eventsRecovered: 0,
    differencesFixed: 0,
    isLastPage: false,
  };
  for (const dto of page.cases) {
    const keys = snapshotKeys(dto);
    if (!keys) continue;
    if (new Date(snapshotTime(dto, readAt)) < since) {
      result.isLastPage = true;
      break;
    }
    result.casesDone += 1;
    const logged = await listCaseEvents(config, keys.caseId, since);
    if (logged.length) {
      result.eventsRecovered += (
        await feedInbox(
          logged.map((event) => event.payload),
          'debitura-repair',
          pool,
        )
      ).stored;
    }
    if (await matchesLocalCase(pool, keys.reference, dto)) continue;
    if (logged.length) continue; // the log was applied; a remaining difference is Debitura's to explain
    const snapshot = await readSnapshot(config, dto);
    const fed = await feedInbox(
      snapshotEnvelopes(snapshot, readAt).map((envelope) => JSON.stringify(envelope)),
      'debitura-repair',
      pool,
    );
    if (fed.stored) result.differencesFixed += 1;
  }
  if (page.cases.length < PAGE_SIZE || (page.totalPages !== null && run.nextPage >= page.totalPages)) {
    result.isLastPage = true;
  }
  return result;
}

/** Whether our case shows what Debitura's snapshot shows, in the fields a missed event would change. */
async function matchesLocalCase(pool: pg.Pool, reference: string, dto: Record<string, unknown>): Promise<boolean> {
  const { rows } = await pool.query<{ state: string | null; close_code: string | null }>(
    'SELECT state, close_code FROM cases WHERE reference = $1',
    [reference],
  );
  const local = rows[0];
  if (!local) return false;
  // Compared as the applier stores them: API names, unknown values kept as sent.
  const lifecycle = enumFromWire(dto.lifecycle, normalizeLifecycle);
  if (lifecycle && lifecycle !== local.state) return false;
  return lifecycle !== 'Closed' || enumFromWire(dto.closeCode, normalizeCloseCode) === local.close_code;
}
