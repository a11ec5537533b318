import { describe, expect, it } from 'vitest';
import { normalizeRecipient } from './recipients';

describe('payment recipients', () => {
  it.each([
    ['Creditor', 'Creditor'],
    ['CollectionPartner', 'CollectionPartner'],
    ['Collection partner', 'CollectionPartner'],
    ['Partner', 'CollectionPartner'],
    ['Agency', 'CollectionPartner'],
    ['platform', 'Platform'],
    ['Debitura', 'Platform'],
  ])('normalizes %j to %s', (input, expected) => expect(normalizeRecipient(input)).toBe(expected));

  it('gives null for what is not a known recipient', () => {
    expect(normalizeRecipient('Debtor')).toBeNull();
    expect(normalizeRecipient(undefined)).toBeNull();
  });
});
