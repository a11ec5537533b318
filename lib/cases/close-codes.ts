import { enumNormalizer } from '@/lib/validation/enum-names';

/**
 * The one table of close codes: the API name Casedesk stores in `cases.close_code` (and sends
 * to Debitura's close endpoint), the group of outcomes it belongs to, and whether only Debitura
 * sets it. Webhook parsing, the case page, filters and reports all read from here; what people
 * read (label and meaning) is the `vocabulary` catalog (`closeCode.<Code>.label|meaning`).
 */

export const CLOSE_CODE_GROUPS = [
  'success',
  'debtor-side',
  'client-decision',
  'collection-exhausted',
  'system',
  'other',
] as const;

export type CloseCodeGroup = (typeof CLOSE_CODE_GROUPS)[number];

type Definition = { group: CloseCodeGroup; isSystemOnly?: boolean };

const DEFINITIONS = {
  Paid: { group: 'success' },
  PartiallyPaid: { group: 'success' },
  DebtorInsolventBankrupt: { group: 'debtor-side' },
  DebtorUntraceable: { group: 'debtor-side' },
  DisputedLegalActionDeclinedByClient: { group: 'client-decision' },
  WithdrawnByClient: { group: 'client-decision' },
  SettlementRejectedByClient: { group: 'client-decision' },
  UnresponsiveClient: { group: 'client-decision' },
  PreLegalExhaustedNoPayment: { group: 'collection-exhausted' },
  StatuteOfLimitationsExpired: { group: 'collection-exhausted' },
  UneconomicalToPursue: { group: 'collection-exhausted' },
  Other: { group: 'other' },
  // Only Debitura closes a case with these; they arrive in display form ("Case never started").
  CaseNeverStarted: { group: 'system', isSystemOnly: true },
  CaseNeverStartedInternal: { group: 'system', isSystemOnly: true },
  InvalidCaseData: { group: 'system', isSystemOnly: true },
  NoQuotesReceived: { group: 'system', isSystemOnly: true },
  QuotesExpiredNotAccepted: { group: 'system', isSystemOnly: true },
} as const satisfies Record<string, Definition>;

export type CloseCode = keyof typeof DEFINITIONS;

export type CloseCodeInfo = {
  /** The API name, as stored in `cases.close_code`. */
  code: CloseCode;
  group: CloseCodeGroup;
  /** Only Debitura sets these; a partner never closes a case with them. */
  isSystemOnly: boolean;
};

export const CLOSE_CODES: readonly CloseCodeInfo[] = Object.entries(DEFINITIONS).map(([code, definition]) => ({
  code: code as CloseCode,
  group: definition.group,
  isSystemOnly: 'isSystemOnly' in definition,
}));

/** The codes a partner may close a case with, in the order a form offers them. */
export const PARTNER_CLOSE_CODES: readonly CloseCode[] = CLOSE_CODES.filter((info) => !info.isSystemOnly).map(
  (info) => info.code,
);

export function isCloseCode(value: unknown): value is CloseCode {
  return typeof value === 'string' && Object.hasOwn(DEFINITIONS, value);
}

/** The API name for a close code in any spelling Debitura uses ("Partially paid"), or null if unknown. */
export const normalizeCloseCode = enumNormalizer(
  CLOSE_CODES.map((info) => info.code),
  {
    'Debtor insolvent or bankrupt': 'DebtorInsolventBankrupt',
    'Debtor bankrupt': 'DebtorInsolventBankrupt',
    'Debtor insolvent': 'DebtorInsolventBankrupt',
  },
);

/**
 * The group of a stored close code. An unknown code (one Debitura adds later) counts as
 * "other" rather than being hidden.
 */
export function closeCodeGroup(value: string): CloseCodeGroup {
  const code = normalizeCloseCode(value);
  return code ? DEFINITIONS[code].group : 'other';
}
