import { computeBalance } from '@/lib/cases/balance';
import { normalizeLifecycle } from '@/lib/cases/lifecycle';
import type { ActionTarget } from './target';

/**
 * Which actions the case's state allows (Debitura's own rules, docs/debitura.md "Acting on
 * cases"), checked before anything is stored so a refused action changes nothing. Each
 * returns null when allowed, else the refusal: a stable code (the case page words it in the
 * reader's language) and the English reason the JSON API answers with its 409. Payments already
 * on their way to Debitura count as paid here: they reach Debitura before anything stored after
 * them. The case page asks the same rules which forms to offer.
 */

export type Refusal = { code: RefusalCode; message: string };
type Rule = Refusal | null;

export const REFUSAL_CODES = [
  'already_accepting',
  'not_pending',
  'currency_unknown',
  'not_payable',
  'closing',
  'not_settled',
  'merged',
  'already_closed',
  'amount_unknown',
  'paid_not_covered',
  'partial_without_payment',
  'partial_but_covered',
  'fees_final',
  'reference_taken',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

const refuse = (code: RefusalCode, message: string): Refusal => ({ code, message });

const PAYABLE_STATES = ['Active', 'Paused', 'NeedsAdditionalDetails'];
const FINAL_STATES = ['Closed', 'Merged'];

const stateOf = (target: ActionTarget) => normalizeLifecycle(target.state) ?? target.state ?? 'unknown';

function paidSoFar(target: ActionTarget, extraMinor = 0n) {
  return computeBalance(
    target.originalMinor,
    target.feesMinor,
    target.paidMinor + target.unconfirmedPaidMinor + extraMinor,
  );
}

export function acceptRule(target: ActionTarget): Rule {
  if (target.inFlightKinds.includes('accept'))
    return refuse('already_accepting', 'This case is already being accepted.');
  if (stateOf(target) !== 'PendingVerification') {
    return refuse('not_pending', `Only a case pending verification can be accepted; this one is ${stateOf(target)}.`);
  }
  return null;
}

export function paymentRule(target: ActionTarget, amountMinor: bigint, isClosing: boolean): Rule {
  if (!target.currency)
    return refuse('currency_unknown', "The case's currency is not known yet: wait for its detail from Debitura.");
  if (!PAYABLE_STATES.includes(stateOf(target))) {
    return refuse(
      'not_payable',
      `Payments can be recorded on Active, Paused or More info required cases; this one is ${stateOf(target)}.`,
    );
  }
  if (target.inFlightKinds.includes('close')) return refuse('closing', 'This case is being closed.');
  if (isClosing) {
    const after = paidSoFar(target, amountMinor);
    if (after.status !== 'paid' && after.status !== 'overpaid') {
      return refuse(
        'not_settled',
        'The payment does not settle what is outstanding, so it cannot close the case as Paid.',
      );
    }
  }
  return null;
}

export function paymentChangeRule(target: ActionTarget): Rule {
  if (!target.currency) return refuse('currency_unknown', "The case's currency is not known yet.");
  if (stateOf(target) === 'Merged')
    return refuse('merged', 'The case was merged into another; its payments cannot change.');
  return null;
}

export function closeRule(target: ActionTarget, closeCode: string): Rule {
  if (target.inFlightKinds.includes('close')) return refuse('closing', 'This case is already being closed.');
  if (FINAL_STATES.includes(stateOf(target)))
    return refuse('already_closed', `The case is already ${stateOf(target)}.`);
  const balance = paidSoFar(target);
  if (closeCode === 'Paid') {
    if (balance.status === 'unknown')
      return refuse('amount_unknown', "The case's amount is not known yet, so Paid cannot be checked.");
    if (balance.status !== 'paid' && balance.status !== 'overpaid') {
      return refuse(
        'paid_not_covered',
        'Paid needs payments that cover the outstanding amount; record the payment first or close as Partially paid.',
      );
    }
  }
  if (closeCode === 'PartiallyPaid') {
    if (balance.paidMinor <= 0n) return refuse('partial_without_payment', 'Partially paid needs at least one payment.');
    if (balance.status === 'paid' || balance.status === 'overpaid') {
      return refuse('partial_but_covered', 'The payments cover the outstanding amount: close as Paid instead.');
    }
  }
  return null;
}

export function noteRule(target: ActionTarget): Rule {
  return stateOf(target) === 'Merged'
    ? refuse('merged', 'The case was merged into another; add the note there.')
    : null;
}

export function feesRule(target: ActionTarget): Rule {
  if (!target.currency) return refuse('currency_unknown', "The case's currency is not known yet.");
  if (FINAL_STATES.includes(stateOf(target)))
    return refuse('fees_final', `Fees cannot change on a ${stateOf(target)} case.`);
  return null;
}

/** Debitura takes documents in every state but Merged (Closed included). */
export function documentRule(target: ActionTarget): Rule {
  return stateOf(target) === 'Merged'
    ? refuse('merged', 'The case was merged into another; upload the document there.')
    : null;
}
