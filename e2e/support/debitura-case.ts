import { fakeCaseDetail } from '@/test/helpers/fake-case';
import { expect, type Webhooks } from './fixtures';

/**
 * A case on both sides: the fake Debitura knows it (so actions sent from the case page reach
 * it), then Casedesk gets it the way it gets every case, as a signed case.assigned webhook.
 * Returns the detail the fake holds.
 */
export async function assignFromDebitura(webhooks: Webhooks, input: Parameters<typeof fakeCaseDetail>[0]) {
  const detail = fakeCaseDetail(input);
  const registered = await fetch(`${process.env.E2E_FAKE_API_URL}/__simulator/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(detail),
  });
  expect(registered.status).toBe(204);
  await webhooks.send('case.assigned', { ...detail, caseId: input.caseId });
  return detail;
}
