import type pg from 'pg';
import { describeError } from '@/lib/cases/apply/apply';
import { recomputeBalance } from '@/lib/cases/apply/case-row';
import { mapCaseDetail } from '@/lib/cases/apply/detail';
import { getPool, withTransaction } from '@/lib/database/pool';
import {
  getCaseByReference,
  getDebituraApiConfig,
  PermanentApiError,
  RetryableApiError,
  type DebituraApiConfig,
} from '@/lib/debitura-api/client';
import type { Job } from './runner';
import { loadStoredApiKeyOnce } from '@/lib/debitura/api-config';

/**
 * Fills in case detail that a case.assigned payload lacked, from the Collection Partner API,
 * after the webhook was acknowledged (never inside it). A case is claimed by moving its next
 * attempt one lease ahead, so another instance skips it while the request is in flight and a
 * crash only delays it. Failures are retried with exponential backoff. A 4xx is retried too,
 * more slowly: right after an assignment the API may not know the case yet (404), and after a
 * key rotation every call answers 401 until the new key is set; the admin page lists these
 * cases with their error and a retry button. Only an answer that cannot be used (bad data) is
 * final at once.
 */

export const CASE_DETAIL_JOB = 'case-detail';
const CLAIM_LIMIT = 5;
const LEASE_SECONDS = 60;
const MAX_ATTEMPTS = 12;
const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 30 * 60_000;
/** A 4xx: 5 min, 10 min ... capped at 6 h; given up (failed, retry by hand) after about four days. */
const CLIENT_ERROR_MAX_ATTEMPTS = 20;
const CLIENT_ERROR_BASE_DELAY_MS = 5 * 60_000;
const CLIENT_ERROR_MAX_DELAY_MS = 6 * 3_600_000;

export const caseDetailJob: Job = {
  name: CASE_DETAIL_JOB,
  intervalMs: 2_000,
  kickDelayMs: 20,
  run: async () => {
    await loadStoredApiKeyOnce();
    return fetchPendingDetails();
  },
};

/** Exponential: 2 s, 4 s, 8 s... capped at 30 min. `attempt` counts from 1. */
export function retryDelayMs(attempt: number, retryAfterMs: number | null = null): number {
  const delay = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1), MAX_DELAY_MS);
  return Math.max(delay, Math.min(retryAfterMs ?? 0, MAX_DELAY_MS));
}

/** After a 4xx: 5 min, 10 min, 20 min... capped at 6 h. `attempt` counts from 1. */
export function clientErrorDelayMs(attempt: number): number {
  return Math.min(CLIENT_ERROR_BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1), CLIENT_ERROR_MAX_DELAY_MS);
}

/** When to try again after `error` on attempt `attempt`, or null when the failure is final. */
export function nextDetailDelayMs(error: unknown, attempt: number): number | null {
  if (error instanceof RetryableApiError) {
    return attempt < MAX_ATTEMPTS ? retryDelayMs(attempt, error.retryAfterMs) : null;
  }
  const isClientError =
    error instanceof PermanentApiError && error.status !== null && error.status >= 400 && error.status < 500;
  return isClientError && attempt < CLIENT_ERROR_MAX_ATTEMPTS ? clientErrorDelayMs(attempt) : null;
}

type Claimed = { id: string; reference: string; detail_attempts: number };

export async function fetchPendingDetails(
  pool: pg.Pool = getPool(),
  config: DebituraApiConfig | null = getDebituraApiConfig(),
): Promise<boolean> {
  // Without an API to ask, cases keep waiting as `pending` (visible on the case) until one is set.
  if (!config) return false;
  const { rows } = await pool.query<Claimed>(
    `UPDATE cases SET detail_attempts = detail_attempts + 1, detail_next_attempt_at = now() + make_interval(secs => $2)
     WHERE id IN (SELECT id FROM cases WHERE detail_status = 'pending' AND detail_next_attempt_at <= now()
                  ORDER BY detail_next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING id, reference, detail_attempts`,
    [CLAIM_LIMIT, LEASE_SECONDS],
  );
  await Promise.all(rows.map((row) => fetchOne(pool, config, row)));
  return rows.length === CLAIM_LIMIT;
}

async function fetchOne(pool: pg.Pool, config: DebituraApiConfig, claimed: Claimed): Promise<void> {
  try {
    const dto = await getCaseByReference(claimed.reference, config);
    const detail = mapCaseDetail(dto);
    await withTransaction(async (client) => {
      const { rows } = await client.query('SELECT detail_status FROM cases WHERE id = $1 FOR UPDATE', [claimed.id]);
      // A newer assignment with full detail may have landed meanwhile: it wins.
      if (rows[0]?.detail_status !== 'pending') return;
      await client.query(
        `UPDATE cases SET debitura_case_id = COALESCE($2, debitura_case_id), creditor_reference = $3, currency = $4,
           original_amount_minor = $5, added_fees_minor = $6, fees = $7, debtor = $8, debtor_name = $9, creditor = $10,
           creditor_name = $11, date_created = $12, due_date = $13, engagement_phase = $14, is_test = is_test OR $15,
           detail_status = 'done', detail_error = NULL, detail_next_attempt_at = NULL
         WHERE id = $1`,
        [
          claimed.id,
          detail.debituraCaseId,
          detail.creditorReference,
          detail.currency,
          detail.originalAmountMinor,
          detail.addedFeesMinor,
          json(detail.fees),
          json(detail.debtor),
          detail.debtorName,
          json(detail.creditor),
          detail.creditorName,
          detail.dateCreated,
          detail.dueDate,
          detail.engagementPhase,
          detail.isTestCase,
        ],
      );
      await recomputeBalance(client, claimed.id);
    }, pool);
  } catch (error) {
    const delay = nextDetailDelayMs(error, claimed.detail_attempts);
    await pool.query(
      `UPDATE cases SET detail_status = $2, detail_error = $3,
         detail_next_attempt_at = CASE WHEN $4::int IS NULL THEN NULL ELSE now() + make_interval(secs => $4::int / 1000.0) END
       WHERE id = $1 AND detail_status = 'pending'`,
      [claimed.id, delay === null ? 'failed' : 'pending', describeError(error), delay],
    );
  }
}

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
