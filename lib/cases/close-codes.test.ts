import { describe, expect, it } from 'vitest';
import { CLOSE_CODES, describeCloseCode, normaliseCloseCode } from './close-codes';
import { exclusivePeriodEnd, lifecycleLabel, normaliseLifecycle } from './lifecycle';

describe('close codes', () => {
  it('normalises API names and display forms to the API name', () => {
    expect(normaliseCloseCode('PartiallyPaid')).toBe('PartiallyPaid');
    expect(normaliseCloseCode('Partially paid')).toBe('PartiallyPaid');
    expect(normaliseCloseCode('partially-paid')).toBe('PartiallyPaid');
    expect(normaliseCloseCode('Case never started – Internal')).toBe('CaseNeverStartedInternal');
    expect(normaliseCloseCode('Quotes Expired – Not Accepted')).toBe('QuotesExpiredNotAccepted');
    expect(normaliseCloseCode('Invalid Case Data')).toBe('InvalidCaseData');
    expect(normaliseCloseCode('NoSuchCode')).toBeNull();
    expect(normaliseCloseCode(42)).toBeNull();
  });

  it('has one entry per code, each with a meaning and a group', () => {
    const codes = CLOSE_CODES.map((info) => info.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toHaveLength(17);
    for (const info of CLOSE_CODES) expect(info.meaning.length).toBeGreaterThan(10);
    expect(describeCloseCode('Paid').group).toBe('success');
    expect(describeCloseCode('DebtorUntraceable').group).toBe('debtor-side');
    expect(describeCloseCode('WithdrawnByClient').group).toBe('client-decision');
    expect(describeCloseCode('UneconomicalToPursue').group).toBe('collection-exhausted');
    expect(describeCloseCode('NoQuotesReceived').group).toBe('system');
    expect(describeCloseCode('Other').group).toBe('other');
  });

  it('describes an unknown code as it came instead of hiding it', () => {
    expect(describeCloseCode('BrandNewCode')).toMatchObject({
      code: 'BrandNewCode',
      label: 'BrandNewCode',
      group: 'other',
    });
  });
});

describe('lifecycle', () => {
  it('normalises display forms', () => {
    expect(normaliseLifecycle('Pending verification')).toBe('PendingVerification');
    expect(normaliseLifecycle('More Info Required')).toBe('NeedsAdditionalDetails');
    expect(normaliseLifecycle('ACTIVE')).toBe('Active');
    expect(normaliseLifecycle('Sideways')).toBeNull();
    expect(lifecycleLabel('Sideways')).toBe('Sideways');
    expect(lifecycleLabel(null)).toBe('Unknown');
  });

  it('ends the exclusive period six months later, clamped to the month end', () => {
    expect(exclusivePeriodEnd(new Date('2026-05-10T09:00:00Z')).toISOString()).toBe('2026-11-10T09:00:00.000Z');
    expect(exclusivePeriodEnd(new Date('2026-08-31T09:00:00Z')).toISOString()).toBe('2027-02-28T09:00:00.000Z');
  });
});
