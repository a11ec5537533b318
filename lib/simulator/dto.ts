import { currencyExponent } from '@/lib/money/currency';
import { totalClaimMinor, type SimCase, type SimChat, type SimPayment } from './case-life';

/**
 * The Collection Partner API's shapes (docs/debitura.md "Case detail"), built from a simulated
 * case: what the fake API answers and what a detailed `case.assigned` carries.
 */

export type InvoiceDto = ReturnType<typeof caseFields> & {
  id: string;
  reference: string;
  dateCollectionStarted: string;
  dateFinished: string | null;
  remainder: number;
  lifecycle: string;
  closeCode: string | null;
};

export type PaymentDto = {
  id: string;
  date: string;
  grossAmount: number;
  recipient: string;
  method: string;
  currency: string;
  isDeleted: boolean;
};

export type ChatDto = {
  id: string;
  dateCreated: string;
  role: string;
  roleLabel: string;
  message: string;
  isSeen: boolean;
  user: { id: string; firstName: string; lastName: string; email: string };
};

/** Major units as a JSON number with the currency's decimals: minor ÷ 10^n prints exactly. */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** currencyExponent(currency);
}

export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function caseFields(simCase: SimCase) {
  const major = (minor: number) => toMajor(minor, simCase.currency);
  const { interestMinor, reminderMinor, collectionMinor } = simCase.fees;
  const { id, companyName, officeEmail, officePhone } = simCase.creditor;
  return {
    creditorReference: simCase.creditorReference,
    dateCreated: isoSeconds(simCase.dateCreated),
    dueDate: isoSeconds(simCase.dueDate),
    grossAmount: major(simCase.grossMinor),
    interestFees: major(interestMinor),
    reminderFees: major(reminderMinor),
    collectionFees: major(collectionMinor),
    totalAddedFees: major(interestMinor + reminderMinor + collectionMinor),
    currency: simCase.currency as string,
    currentEngagementPhase: simCase.engagementPhase as string,
    isTestCase: simCase.isTest,
    debtor: { ...simCase.debtor },
    creditor: { id, companyName, officeEmail, officePhone },
  };
}

/** Where the case stands once all its events have happened. */
export function finalState(simCase: SimCase) {
  let lifecycle = 'Active';
  let closeCode: string | null = null;
  let closedAt: Date | null = null;
  const payments = new Map<string, SimPayment & { isDeleted: boolean }>();
  for (const step of simCase.steps) {
    if (step.kind === 'assigned') lifecycle = step.lifecycle;
    else if (step.kind === 'updated') lifecycle = step.to;
    else if (step.kind === 'payment') payments.set(step.payment.id, { ...step.payment, isDeleted: false });
    else if (step.kind === 'paymentDeleted') payments.get(step.payment.id)!.isDeleted = true;
    else if (step.kind === 'closed') [lifecycle, closeCode, closedAt] = ['Closed', step.closeCode, step.at];
  }
  const paidMinor = [...payments.values()].filter((p) => !p.isDeleted).reduce((sum, p) => sum + p.minor, 0);
  return { lifecycle, closeCode, closedAt, paidMinor, payments: [...payments.values()] };
}

export function caseDetail(simCase: SimCase): InvoiceDto {
  const state = finalState(simCase);
  return {
    id: simCase.caseId,
    reference: simCase.reference,
    ...caseFields(simCase),
    dateCollectionStarted: isoSeconds(simCase.steps[0].at),
    dateFinished: state.closedAt ? isoSeconds(state.closedAt) : null,
    remainder: toMajor(Math.max(0, totalClaimMinor(simCase) - state.paidMinor), simCase.currency),
    lifecycle: state.lifecycle,
    closeCode: state.closeCode,
  };
}

export function paymentDtos(simCase: SimCase): PaymentDto[] {
  return finalState(simCase).payments.map((payment) => ({
    id: payment.id,
    date: isoSeconds(payment.date ?? simCase.steps[0].at),
    grossAmount: toMajor(payment.minor, simCase.currency),
    recipient: payment.recipient,
    method: payment.method,
    currency: simCase.currency,
    isDeleted: payment.isDeleted,
  }));
}

export function chatDto(chat: SimChat, at: Date): ChatDto {
  return {
    id: chat.id,
    dateCreated: isoSeconds(at),
    role: chat.roleLabel === 'Collection partner' ? 'CollectionPartner' : chat.roleLabel,
    roleLabel: chat.roleLabel,
    message: chat.message,
    isSeen: false,
    user: { ...chat.user },
  };
}

export function chatDtos(simCase: SimCase): ChatDto[] {
  return simCase.steps.flatMap((step) => (step.kind === 'chat' ? [chatDto(step.chat, step.at)] : []));
}
