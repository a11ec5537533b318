/**
 * What people write in a case chat, and what a partner writes when closing a case. Plain
 * text; a couple of messages carry characters that must survive as text (quotes, <, &).
 */

export const PARTNER_OPENING = [
  'We have taken over the case and sent the first letter to the debtor today.',
  'Case received. First contact with the debtor is planned for this week.',
  'Thank you for the case. We will start with a friendly reminder and a phone call.',
];

export const PARTNER_ASKS_DETAILS = [
  'Could you send us a copy of the original invoice and the signed order confirmation?',
  'The debtor disputes the delivery. Please send proof of delivery so we can continue.',
  'We need the contract that covers the late-payment interest before we go further.',
];

export const CREDITOR_SENDS_DETAILS = [
  'Attached the invoice copy and the order confirmation in the portal. Thanks!',
  'Proof of delivery uploaded. The goods were signed for by their warehouse.',
  'Here is the contract, see § 7 on interest & fees.',
];

export const CREDITOR_ASKS_PAUSE = [
  'The debtor called us directly and promised to pay next week. Please pause the case.',
  'We are in talks with the debtor about a new order, please hold collection for now.',
];

export const PARTNER_RESUMES = [
  'No payment arrived as promised, so we are resuming collection.',
  'Resuming the case as agreed.',
];

export const PARTNER_PAYMENT_PLAN = [
  'The debtor accepted a payment plan in three instalments.',
  'Debtor asked for a payment plan; we agreed on monthly instalments.',
  "Spoke to the debtor's accountant, payment expected by the end of the month.",
];

export const CREDITOR_QUESTIONS = [
  'Any news on this one?',
  'Has the debtor responded to your letters yet?',
  'Please note the debtor\'s new address is in the portal. Is "Hansen & Co" still the right contact?',
  'Can you confirm the amount the debtor has paid so far? Our ledger shows <2 payments.',
];

export const DEBITURA_NOTES = [
  'Reminder from Debitura: please update the case with the latest status.',
  'Debitura here: the creditor has asked for a status update on this case.',
];

export const CLOSE_COMMENTS: Record<string, readonly string[]> = {
  Paid: ['Paid in full by the debtor.', 'Debt settled, all instalments received.'],
  PartiallyPaid: [
    'Debtor paid part of the claim; creditor accepted the rest as lost.',
    'Partial settlement agreed with the creditor.',
  ],
  DebtorInsolventBankrupt: ['Debtor declared bankrupt; claim filed with the administrator.'],
  DebtorUntraceable: ['No current address or phone number found for the debtor.'],
  DisputedLegalActionDeclinedByClient: ['Debtor disputes the claim and the creditor declined legal action.'],
  WithdrawnByClient: ['The creditor withdrew the case.'],
  PreLegalExhaustedNoPayment: ['All pre-legal steps taken without any payment.'],
  StatuteOfLimitationsExpired: ['The claim is time-barred.'],
  SettlementRejectedByClient: ['The debtor offered a settlement which the creditor rejected.'],
  UnresponsiveClient: ['The creditor did not answer our questions for 30 days.'],
  UneconomicalToPursue: ['The cost of further steps would exceed the expected recovery.'],
  Other: ["Closed at the creditor's request after a direct agreement with the debtor."],
};

/** Display forms some responses carry instead of the API names (docs/debitura.md "Parsing rules"). */
export const CLOSE_CODE_DISPLAY: Record<string, string> = {
  Paid: 'Paid',
  PartiallyPaid: 'Partially paid',
  DebtorInsolventBankrupt: 'Debtor insolvent / bankrupt',
  DebtorUntraceable: 'Debtor untraceable',
  DisputedLegalActionDeclinedByClient: 'Disputed – legal action declined by client',
  WithdrawnByClient: 'Withdrawn by client',
  PreLegalExhaustedNoPayment: 'Pre-legal exhausted – no payment',
  StatuteOfLimitationsExpired: 'Statute of limitations expired',
  SettlementRejectedByClient: 'Settlement rejected by client',
  UnresponsiveClient: 'Unresponsive client',
  UneconomicalToPursue: 'Uneconomical to pursue',
  Other: 'Other',
};
