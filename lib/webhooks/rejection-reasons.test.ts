import { describe, expect, it } from 'vitest';
import { loadMessages } from '@/lib/i18n/catalog';
import { REJECTION_REASONS } from './receive';

describe('rejection reasons', () => {
  it('each has words on the admin pages (the catalog test keeps the other languages in step)', () => {
    const reasons = (loadMessages('en').admin as { rejected: { reasons: Record<string, string> } }).rejected.reasons;
    expect(REJECTION_REASONS.length).toBeGreaterThan(10);
    for (const reason of REJECTION_REASONS) expect(reasons[reason], reason).toBeTruthy();
  });
});
