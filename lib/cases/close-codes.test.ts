import { describe, expect, it } from 'vitest';
import { CLOSE_CODES, closeCodeGroup, isCloseCode, normalizeCloseCode, PARTNER_CLOSE_CODES } from './close-codes';

describe('close codes', () => {
  it.each([
    ['PartiallyPaid', 'PartiallyPaid'],
    ['Partially paid', 'PartiallyPaid'],
    ['partially-paid', 'PartiallyPaid'],
    ['PARTIALLY_PAID', 'PartiallyPaid'],
    ['Debtor insolvent / bankrupt', 'DebtorInsolventBankrupt'],
    ['Debtor insolvent or bankrupt', 'DebtorInsolventBankrupt'],
    ['Debtor bankrupt', 'DebtorInsolventBankrupt'],
    ['Disputed – legal action declined by client', 'DisputedLegalActionDeclinedByClient'],
    ['Pre-legal exhausted, no payment', 'PreLegalExhaustedNoPayment'],
    ['Case never started', 'CaseNeverStarted'],
    ['Case never started – Internal', 'CaseNeverStartedInternal'],
    ['Quotes Expired – Not Accepted', 'QuotesExpiredNotAccepted'],
    ['Invalid Case Data', 'InvalidCaseData'],
    ['No Quotes Received', 'NoQuotesReceived'],
  ])('normalizes %j to %s', (input, expected) => expect(normalizeCloseCode(input)).toBe(expected));

  it('gives null for what is not a known close code', () => {
    expect(normalizeCloseCode('NoSuchCode')).toBeNull();
    expect(normalizeCloseCode('')).toBeNull();
    expect(normalizeCloseCode(' – ')).toBeNull();
    expect(normalizeCloseCode(42)).toBeNull();
    expect(normalizeCloseCode(undefined)).toBeNull();
    // An object key is not a close code.
    expect(normalizeCloseCode('constructor')).toBeNull();
    expect(isCloseCode('toString')).toBe(false);
  });

  it('has one entry per code, in a group', () => {
    const codes = CLOSE_CODES.map((info) => info.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toHaveLength(17);
    expect(closeCodeGroup('Paid')).toBe('success');
    expect(closeCodeGroup('Partially paid')).toBe('success');
    expect(closeCodeGroup('DebtorUntraceable')).toBe('debtor-side');
    expect(closeCodeGroup('WithdrawnByClient')).toBe('client-decision');
    expect(closeCodeGroup('UneconomicalToPursue')).toBe('collection-exhausted');
    expect(closeCodeGroup('NoQuotesReceived')).toBe('system');
    expect(closeCodeGroup('Other')).toBe('other');
  });

  it('counts a code it does not know as "other" instead of hiding it', () => {
    expect(closeCodeGroup('BrandNewCode')).toBe('other');
  });

  it('lets partners close with the twelve partner codes, never a system one', () => {
    expect(PARTNER_CLOSE_CODES).toHaveLength(12);
    expect(PARTNER_CLOSE_CODES).toContain('Other');
    expect(PARTNER_CLOSE_CODES).not.toContain('CaseNeverStarted');
    for (const info of CLOSE_CODES) expect(PARTNER_CLOSE_CODES.includes(info.code)).toBe(info.group !== 'system');
  });
});
