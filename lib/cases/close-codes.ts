/**
 * The one table of close codes (CONTRACT "Close codes"): the API name Casedesk stores, the
 * name people read, what it means and which group of outcomes it belongs to. Webhook
 * parsing, the case page, filters and reports all read from here.
 */

export const CLOSE_CODE_GROUPS = {
  success: 'Success',
  'debtor-side': 'Debtor-side',
  'client-decision': 'Client decision',
  'collection-exhausted': 'Collection exhausted',
  system: 'System',
  other: 'Other',
} as const;

export type CloseCodeGroup = keyof typeof CLOSE_CODE_GROUPS;

export type CloseCodeInfo = {
  /** The API name, as stored in `cases.close_code`. */
  code: string;
  label: string;
  meaning: string;
  group: CloseCodeGroup;
  /** Only Debitura sets these; a partner never closes a case with them. */
  isSystemOnly: boolean;
};

function code(
  code: string,
  label: string,
  group: CloseCodeGroup,
  meaning: string,
  isSystemOnly = false,
): CloseCodeInfo {
  return { code, label, group, meaning, isSystemOnly };
}

export const CLOSE_CODES: readonly CloseCodeInfo[] = [
  code('Paid', 'Paid', 'success', 'Paid in full: the payments cover the outstanding amount.'),
  code('PartiallyPaid', 'Partially paid', 'success', 'Some money was collected, but less than the outstanding amount.'),
  code(
    'DebtorInsolventBankrupt',
    'Debtor insolvent or bankrupt',
    'debtor-side',
    'The debtor is insolvent or bankrupt, so nothing more can be collected.',
  ),
  code('DebtorUntraceable', 'Debtor untraceable', 'debtor-side', 'The debtor could not be found or reached.'),
  code(
    'DisputedLegalActionDeclinedByClient',
    'Disputed, legal action declined by client',
    'client-decision',
    'The debtor disputed the claim and the client chose not to go to court.',
  ),
  code('WithdrawnByClient', 'Withdrawn by client', 'client-decision', 'The client withdrew the case from collection.'),
  code(
    'SettlementRejectedByClient',
    'Settlement rejected by client',
    'client-decision',
    'The debtor offered a settlement and the client turned it down.',
  ),
  code(
    'UnresponsiveClient',
    'Unresponsive client',
    'client-decision',
    'The client stopped answering, so the case could not go on.',
  ),
  code(
    'PreLegalExhaustedNoPayment',
    'Pre-legal exhausted, no payment',
    'collection-exhausted',
    'Every pre-legal step was taken and the debtor paid nothing.',
  ),
  code(
    'StatuteOfLimitationsExpired',
    'Statute of limitations expired',
    'collection-exhausted',
    'The claim is time-barred and can no longer be enforced.',
  ),
  code(
    'UneconomicalToPursue',
    'Uneconomical to pursue',
    'collection-exhausted',
    'Collecting further would cost more than it could bring in.',
  ),
  code('Other', 'Other', 'other', 'Closed for another reason: the comment says which.'),
  code('CaseNeverStarted', 'Case never started', 'system', 'Debitura closed the case before collection began.', true),
  code(
    'CaseNeverStartedInternal',
    'Case never started – Internal',
    'system',
    'Debitura closed the case internally before collection began.',
    true,
  ),
  code(
    'InvalidCaseData',
    'Invalid case data',
    'system',
    'Debitura closed the case because its data was invalid.',
    true,
  ),
  code('NoQuotesReceived', 'No quotes received', 'system', 'No collection partner quoted for the case.', true),
  code(
    'QuotesExpiredNotAccepted',
    'Quotes expired – not accepted',
    'system',
    'The quotes given for the case expired without being accepted.',
    true,
  ),
];

/** Case-insensitive, ignoring spaces, dashes and punctuation (CONTRACT "Parsing rules"). */
function key(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const BY_KEY = new Map<string, CloseCodeInfo>();
for (const info of CLOSE_CODES) {
  BY_KEY.set(key(info.code), info);
  BY_KEY.set(key(info.label), info);
}

/** The API name for a close code in any spelling Debitura uses, or null if unknown. */
export function normaliseCloseCode(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return BY_KEY.get(key(value))?.code ?? null;
}

/**
 * What to show for a stored close code. Unknown codes (a new one Debitura adds) are shown
 * as they came, in the "other" group, rather than hidden.
 */
export function describeCloseCode(value: string): CloseCodeInfo {
  return (
    BY_KEY.get(key(value)) ?? {
      code: value,
      label: value,
      group: 'other',
      meaning: 'A close code Casedesk does not know yet.',
      isSystemOnly: false,
    }
  );
}

export function closeCodeGroupLabel(group: CloseCodeGroup): string {
  return CLOSE_CODE_GROUPS[group];
}
