import { describe, expect, it } from 'vitest';
import { normalizeCloseCode } from '@/lib/cases/close-codes';
import { normalizeEngagementPhase } from '@/lib/cases/engagement-phases';
import { normalizeLifecycle } from '@/lib/cases/lifecycle';
import { normalizeRecipient } from '@/lib/payments/recipients';
import { camelKey, enumFromWire, normalizeEventType, normalizeKeys } from './normalize';

describe('camelKey', () => {
  it.each([
    ['CaseId', 'caseId'],
    ['caseId', 'caseId'],
    ['ID', 'id'],
    ['Id', 'id'],
    ['URLPath', 'urlPath'],
    ['X', 'x'],
    ['oldLifecycle', 'oldLifecycle'],
    ['', ''],
  ])('%s → %s', (key, expected) => expect(camelKey(key)).toBe(expected));
});

describe('normalizeKeys', () => {
  it('camelCases keys deeply, arrays included', () => {
    expect(
      normalizeKeys({ Id: 1, Data: { Reference: 'R', User: { FirstName: 'A' }, Items: [{ PaymentId: 'p' }] } }),
    ).toEqual({
      id: 1,
      data: { reference: 'R', user: { firstName: 'A' }, items: [{ paymentId: 'p' }] },
    });
  });

  it('prefers the camelCase spelling when both are present, in either order', () => {
    expect(normalizeKeys({ Event: 'x', event: 'y' })).toEqual({ event: 'y' });
    expect(normalizeKeys({ event: 'y', Event: 'x' })).toEqual({ event: 'y' });
  });

  it('keeps keys named like Object.prototype members and drops __proto__', () => {
    const result = normalizeKeys(
      JSON.parse('{"toString":"a","__proto__":{"polluted":true},"Constructor":1}'),
    ) as Record<string, unknown>;
    expect(result.toString).toBe('a');
    expect(result.constructor).toBe(1);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops NUL characters, which PostgreSQL text cannot hold', () => {
    expect(normalizeKeys({ message: 'a\u0000b' })).toEqual({ message: 'ab' });
  });
});

describe('enum values from the wire', () => {
  it.each([
    ['Active', 'Active'],
    ['pending-verification', 'PendingVerification'],
    ['More Info Required', 'NeedsAdditionalDetails'],
    ['  Paused ', 'Paused'],
  ])('lifecycle %j → %s', (input, expected) => expect(enumFromWire(input, normalizeLifecycle)).toBe(expected));

  it.each([
    ['Partially paid', 'PartiallyPaid'],
    ['PartiallyPaid', 'PartiallyPaid'],
    ['Debtor insolvent / bankrupt', 'DebtorInsolventBankrupt'],
    ['Quotes Expired – Not Accepted', 'QuotesExpiredNotAccepted'],
  ])('close code %j → %s', (input, expected) => expect(enumFromWire(input, normalizeCloseCode)).toBe(expected));

  it('keeps unknown values as sent (trimmed) and empty ones as null', () => {
    expect(enumFromWire(' Hibernating ', normalizeLifecycle)).toBe('Hibernating');
    expect(enumFromWire(3, normalizeLifecycle)).toBe('3');
    expect(enumFromWire('', normalizeCloseCode)).toBeNull();
    expect(enumFromWire('   ', normalizeCloseCode)).toBeNull();
    expect(enumFromWire(undefined, normalizeCloseCode)).toBeNull();
    expect(enumFromWire({}, normalizeCloseCode)).toBeNull();
  });

  it('normalises phases, recipients and event types', () => {
    expect(enumFromWire('Pre-legal', normalizeEngagementPhase)).toBe('PreLegal');
    expect(enumFromWire('Collection partner', normalizeRecipient)).toBe('CollectionPartner');
    expect(normalizeEventType('Case.Assigned')).toBe('case.assigned');
    expect(normalizeEventType('PaymentDeleted')).toBe('payment.deleted');
    expect(normalizeEventType('case.reopened')).toBe('case.reopened');
  });
});
