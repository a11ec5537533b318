import { describe, expect, it } from 'vitest';
import {
  camelKey,
  normalizeCloseCode,
  normalizeEngagementPhase,
  normalizeEventType,
  normalizeKeys,
  normalizeLifecycle,
  normalizeRecipient,
} from './normalize';

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

describe('enum normalisation', () => {
  it.each([
    ['Active', 'Active'],
    ['active', 'Active'],
    ['Pending verification', 'PendingVerification'],
    ['pending-verification', 'PendingVerification'],
    ['More Info Required', 'NeedsAdditionalDetails'],
    ['NEEDS_ADDITIONAL_DETAILS', 'NeedsAdditionalDetails'],
    ['  Paused ', 'Paused'],
  ])('lifecycle %j → %s', (input, expected) => expect(normalizeLifecycle(input)).toBe(expected));

  it.each([
    ['Partially paid', 'PartiallyPaid'],
    ['PartiallyPaid', 'PartiallyPaid'],
    ['Debtor insolvent / bankrupt', 'DebtorInsolventBankrupt'],
    ['Disputed – legal action declined by client', 'DisputedLegalActionDeclinedByClient'],
    ['Pre-legal exhausted, no payment', 'PreLegalExhaustedNoPayment'],
    ['Case never started – Internal', 'CaseNeverStartedInternal'],
    ['Case never started', 'CaseNeverStarted'],
    ['Quotes Expired – Not Accepted', 'QuotesExpiredNotAccepted'],
  ])('close code %j → %s', (input, expected) => expect(normalizeCloseCode(input)).toBe(expected));

  it('keeps unknown values as sent (trimmed) and empty ones as null', () => {
    expect(normalizeLifecycle(' Hibernating ')).toBe('Hibernating');
    expect(normalizeCloseCode('')).toBeNull();
    expect(normalizeCloseCode(undefined)).toBeNull();
    expect(normalizeCloseCode({})).toBeNull();
  });

  it('normalises phases, recipients and event types', () => {
    expect(normalizeEngagementPhase('Pre-legal')).toBe('PreLegal');
    expect(normalizeRecipient('Collection partner')).toBe('CollectionPartner');
    expect(normalizeEventType('Case.Assigned')).toBe('case.assigned');
    expect(normalizeEventType('PaymentDeleted')).toBe('payment.deleted');
    expect(normalizeEventType('case.reopened')).toBe('case.reopened');
  });
});
