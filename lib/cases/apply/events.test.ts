import { describe, expect, it } from 'vitest';
import { parseEnvelope, type ParsedEnvelope } from '@/lib/webhooks/envelope';
import type { EventType } from '@/lib/webhooks/normalize';
import { isDetailComplete, mapCaseDetail } from './detail';
import { ApplyError } from './errors';
import { toDomainEvent } from './events';

function envelope(event: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const result = parseEnvelope(
    JSON.stringify({ id: 'evt-1', event, timestamp: '2026-11-20T10:00:00Z', data, ...extra }),
  );
  if (!result.ok) throw new Error(result.reason);
  return result.envelope as ParsedEnvelope & { type: EventType };
}

describe('toDomainEvent', () => {
  it('reads a case.assigned with full detail (PascalCase InvoiceDto fields)', () => {
    const event = toDomainEvent(
      envelope('case.assigned', {
        Reference: 'R1',
        CaseId: 'c-1',
        Lifecycle: 'Active',
        Currency: 'EUR',
        GrossAmount: 1234.5,
        InterestFees: 10,
        ReminderFees: 5.25,
        Debtor: { Name: 'Jane Doe', Type: 'Person' },
        Creditor: { CompanyName: 'ACME ApS' },
        CurrentEngagementPhase: 'Pre-legal',
      }),
    );
    expect(event.type).toBe('case.assigned');
    if (event.type !== 'case.assigned') return;
    expect(event).toMatchObject({
      reference: 'R1',
      debituraCaseId: 'c-1',
      lifecycle: 'Active',
      isDetailComplete: true,
    });
    expect(event.detail).toMatchObject({
      currency: 'EUR',
      originalAmountMinor: 123450n,
      addedFeesMinor: 1525n,
      fees: { interestFees: 1000, reminderFees: 525 },
      debtorName: 'Jane Doe',
      creditorName: 'ACME ApS',
      engagementPhase: 'PreLegal',
    });
  });

  it('marks a bare case.assigned as lacking detail', () => {
    const event = toDomainEvent(envelope('case.assigned', { reference: 'R1', lifecycle: 'Pending verification' }));
    expect(event.type === 'case.assigned' && event.isDetailComplete).toBe(false);
    expect(event.type === 'case.assigned' && event.lifecycle).toBe('PendingVerification');
  });

  it('converts payment amounts to minor units in the payment currency', () => {
    const event = toDomainEvent(
      envelope('payment.created', {
        reference: 'R1',
        paymentId: 'p1',
        amount: 1500,
        currency: 'JPY',
        recipient: 'Collection partner',
      }),
    );
    expect(event.type === 'payment.created' && event.payment).toMatchObject({
      paymentId: 'p1',
      amountMinor: 1500n,
      currency: 'JPY',
      recipient: 'CollectionPartner',
    });
    const kwd = toDomainEvent(
      envelope('payment.created', { reference: 'R1', paymentId: 'p2', amount: 1.234, currency: 'kwd' }),
    );
    expect(kwd.type === 'payment.created' && kwd.payment.amountMinor).toBe(1234n);
  });

  it("never takes a flat payload's id for the payment's id", () => {
    const flat = toDomainEvent(
      envelope('payment.created', { reference: 'R1', id: 'case-or-other', amount: 10, currency: 'EUR' }),
    );
    expect(flat.type === 'payment.created' && flat.payment.paymentId).toBe('event:evt-1');
    const nested = toDomainEvent(
      envelope('payment.created', {
        reference: 'R1',
        id: 'case-1',
        payment: { id: 'p9', amount: 10, currency: 'EUR' },
      }),
    );
    expect(nested.type === 'payment.created' && nested.payment.paymentId).toBe('p9');
    expect(() => toDomainEvent(envelope('payment.deleted', { reference: 'R1', id: 'case-or-other' }))).toThrow(
      /paymentId/,
    );
    const deleted = toDomainEvent(envelope('payment.deleted', { reference: 'R1', payment: { id: 'p9' } }));
    expect(deleted.type === 'payment.deleted' && deleted.paymentId).toBe('p9');
  });

  it('normalises close codes given in display form', () => {
    const event = toDomainEvent(
      envelope('case.closed', { reference: 'R1', closeCode: 'Partially paid', comment: ' half ' }),
    );
    expect(event).toMatchObject({ type: 'case.closed', closeCode: 'PartiallyPaid', comment: 'half' });
  });

  it('reads chat authors and falls back to the event time', () => {
    const event = toDomainEvent(
      envelope('chat.created', {
        reference: 'R1',
        chatId: 'c1',
        message: '<b>hi</b>',
        roleLabel: 'Debitura',
        user: { firstName: 'Ann', lastName: 'Lee', email: 'a@x.example' },
      }),
    );
    expect(event.type === 'chat.created' && event.chat).toMatchObject({
      chatId: 'c1',
      message: '<b>hi</b>',
      authorName: 'Ann Lee',
      authorEmail: 'a@x.example',
      authorRole: 'Debitura',
    });
    expect(event.type === 'chat.created' && event.chat.at.toISOString()).toBe('2026-11-20T10:00:00.000Z');
  });

  it('carries the test flag from the signed classification only', () => {
    expect(toDomainEvent(envelope('case.updated', { reference: 'R1', newLifecycle: 'Paused' })).isTest).toBe(false);
    expect(
      toDomainEvent(envelope('case.updated', { reference: 'R1', newLifecycle: 'Paused' }, { classification: 'test' }))
        .isTest,
    ).toBe(true);
  });

  it.each([
    ['case.updated', { newLifecycle: 'Active' }, /reference/],
    ['case.updated', { reference: 'R1' }, /newLifecycle/],
    ['payment.created', { reference: 'R1', paymentId: 'p', amount: 1.005, currency: 'EUR' }, /more decimals/],
    ['payment.created', { reference: 'R1', paymentId: 'p', amount: 1 }, /currency/],
    ['payment.created', { reference: 'R1', paymentId: 'p', currency: 'EUR' }, /amount/],
    ['payment.deleted', { reference: 'R1' }, /paymentId/],
    ['chat.created', { reference: 'R1', chatId: 'c' }, /message/],
  ])('refuses %s with %j', (type, data, message) => {
    expect(() => toDomainEvent(envelope(type, data))).toThrow(ApplyError);
    expect(() => toDomainEvent(envelope(type, data))).toThrow(message);
  });
});

describe('mapCaseDetail', () => {
  it('maps an InvoiceDto', () => {
    const detail = mapCaseDetail({
      id: 'uuid-1',
      reference: 'R1',
      creditorReference: 'INV-9',
      currency: 'DKK',
      grossAmount: 1000,
      totalAddedFees: 150.5,
      dueDate: '2026-10-01T00:00:00Z',
      debtor: { type: 'Company', name: 'Debtor A/S' },
      creditor: { id: 'c', companyName: 'Cred ApS' },
      isTestCase: true,
    });
    expect(detail).toMatchObject({
      debituraCaseId: 'uuid-1',
      creditorReference: 'INV-9',
      originalAmountMinor: 100000n,
      addedFeesMinor: 15050n,
      debtorName: 'Debtor A/S',
      creditorName: 'Cred ApS',
      isTestCase: true,
    });
    expect(isDetailComplete(detail)).toBe(true);
  });

  it('refuses amounts without a currency', () => {
    expect(() => mapCaseDetail({ grossAmount: 10 })).toThrow(ApplyError);
  });
});
