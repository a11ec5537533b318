import { fireTestEvent, listCases } from '@/lib/debitura-api/connection';
import { getPool } from '@/lib/database/pool';
import { recordAudit } from '@/lib/audit/audit';
import { requireSubscription, type Actor } from './connect';
import { ConnectionError, toConnectionError } from './errors';
import { getConnectionRow } from './store';

/**
 * An end-to-end check of the webhook: ask Debitura to fire a test event
 * (`POST /test/webhooks/fire`, test-mode subscriptions only) at one of our test cases, then
 * watch it arrive in the inbox. `case.assigned` is fired because applying it again changes
 * nothing the case did not already say.
 */

export const TEST_EVENT_TYPE = 'case.assigned';

export async function sendTestEvent(actor: Actor = null): Promise<{ firedAt: Date; caseId: string }> {
  const { config, subscriptionId } = await requireSubscription();
  const row = await getConnectionRow();
  if (!row?.isTestMode) {
    throw new ConnectionError('not_test_mode', 'Debitura fires test events at test-mode subscriptions only.');
  }
  try {
    const caseId = (await localTestCaseId()) ?? (await remoteTestCaseId(config));
    if (!caseId) throw new ConnectionError('no_case_for_test', 'There is no test case to fire a test event for.');
    const firedAt = new Date();
    await fireTestEvent(config, { event: TEST_EVENT_TYPE, caseId, subscriptionId });
    await recordAudit({
      actor,
      action: 'debitura.test_event_sent',
      targetType: 'debitura_subscription',
      targetId: subscriptionId,
    });
    return { firedAt, caseId };
  } catch (error) {
    const problem = toConnectionError(error);
    if (!problem) throw error;
    throw problem;
  }
}

export type TestArrival = { eventId: string; receivedAt: Date; status: string };

/** The first test delivery that arrived (verified) since `since`, or null. */
export async function findTestArrival(since: Date): Promise<TestArrival | null> {
  const { rows } = await getPool().query<{ id: string; received_at: Date; status: string }>(
    `SELECT id, received_at, status FROM webhook_events
     WHERE received_at >= $1 AND is_test AND secret_id IS NOT NULL ORDER BY received_at LIMIT 1`,
    [since],
  );
  return rows[0] ? { eventId: rows[0].id, receivedAt: rows[0].received_at, status: rows[0].status } : null;
}

async function localTestCaseId(): Promise<string | null> {
  const { rows } = await getPool().query<{ debitura_case_id: string }>(
    'SELECT debitura_case_id FROM cases WHERE is_test AND debitura_case_id IS NOT NULL ORDER BY updated_at DESC LIMIT 1',
  );
  return rows[0]?.debitura_case_id ?? null;
}

async function remoteTestCaseId(config: Parameters<typeof listCases>[0]): Promise<string | null> {
  const page = await listCases(config, { page: 1, pageSize: 100, includeTestCases: true, sort: 'DateUpdated:desc' });
  const found = page.cases.find((dto) => dto.isTestCase === true && typeof dto.id === 'string');
  return (found?.id as string | undefined) ?? null;
}
