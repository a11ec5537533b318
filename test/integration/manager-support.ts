import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { applyPendingEvents } from '@/lib/webhooks/applier';
import { receiveDelivery } from '@/lib/webhooks/receive';
import { signatureHeader } from '@/lib/webhooks/signature';

/**
 * Test data for the manager tests, sent the way Debitura sends it: signed deliveries through
 * the webhook route's own handler, then applied by the real applier. Not a test file itself
 * (vitest only collects *.test.ts).
 */

export const WEBHOOK_SECRET = randomBytes(32).toString('base64');

type Envelope = { id: string; event: string; timestamp: string; data: Record<string, unknown> };

export function envelope(event: string, reference: string, data: Record<string, unknown>, at: string): Envelope {
  return { id: randomUUID(), event, timestamp: at, data: { reference, ...data } };
}

export async function deliver(body: Envelope, headers: Record<string, string> = {}): Promise<void> {
  const text = JSON.stringify(body);
  const response = await receiveDelivery(
    new Request('http://127.0.0.1/api/webhooks/debitura', {
      method: 'POST',
      body: text,
      headers: {
        'content-type': 'application/json',
        'x-debitura-event': body.event,
        'x-debitura-signature': signatureHeader(WEBHOOK_SECRET, text),
        ...headers,
      },
    }),
  );
  expect(response.status, `delivery of ${body.event} for ${String(body.data.reference)}`).toBe(200);
}

export async function deliverAll(bodies: Envelope[], headers: Record<string, string> = {}): Promise<void> {
  for (const body of bodies) await deliver(body, headers);
  await applyPendingEvents();
}

/** A case.assigned carrying its full detail, so no Collection Partner API call is needed. */
export function assigned(reference: string, currency: string, grossAmount: number, at: string): Envelope {
  return envelope(
    'case.assigned',
    reference,
    {
      lifecycle: 'Active',
      currency,
      grossAmount,
      totalAddedFees: 0,
      debtor: { type: 'Person', name: `Debtor of ${reference}` },
      creditor: { companyName: `Creditor of ${reference}` },
    },
    at,
  );
}

export function paymentCreated(
  reference: string,
  paymentId: string,
  amount: number,
  currency: string,
  date: string,
): Envelope {
  return envelope(
    'payment.created',
    reference,
    { paymentId, amount, currency, date, recipient: 'CollectionPartner', method: 'BankTransfer' },
    date,
  );
}

export function paymentDeleted(reference: string, paymentId: string, at: string): Envelope {
  return envelope('payment.deleted', reference, { paymentId }, at);
}

export function closed(reference: string, closeCode: string, at: string): Envelope {
  return envelope('case.closed', reference, { closeCode, comment: 'closed in test' }, at);
}
