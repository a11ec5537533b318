import type { InvoiceDto } from '@/lib/simulator/dto';

/**
 * A case as the fake Debitura holds it (integration tests register it with `fake.register`,
 * browser tests through e2e/support/debitura-case.ts): nothing paid, no fees, in pre-legal
 * collection, with a debtor and creditor named after the reference.
 */
export function fakeCaseDetail(input: {
  caseId: string;
  reference: string;
  lifecycle: string;
  grossMajor?: number;
  currency?: string;
  debtorType?: 'Person' | 'Company';
}): InvoiceDto {
  const { caseId, reference, lifecycle, grossMajor = 100, currency = 'EUR', debtorType } = input;
  return {
    id: caseId,
    reference,
    lifecycle,
    closeCode: null,
    currency,
    grossAmount: grossMajor,
    remainder: grossMajor,
    interestFees: 0,
    reminderFees: 0,
    collectionFees: 0,
    totalAddedFees: 0,
    currentEngagementPhase: 'PreLegal',
    debtor: { ...(debtorType ? { type: debtorType } : {}), name: `Debtor ${reference}` },
    creditor: { companyName: `Creditor ${reference}` },
  } as unknown as InvoiceDto;
}
