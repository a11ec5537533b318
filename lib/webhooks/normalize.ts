/**
 * Leniency at the edge (CONTRACT "Parsing rules"): keys may come camelCase or PascalCase,
 * enum values as API names or display strings. Everything past this file sees camelCase
 * keys and API names.
 */

import { CLOSE_CODES as CLOSE_CODE_INFO } from '@/lib/cases/close-codes';
import { LIFECYCLE_STATES } from '@/lib/cases/lifecycle';

export const EVENT_TYPES = [
  'case.assigned',
  'case.updated',
  'case.closed',
  'payment.created',
  'payment.deleted',
  'chat.created',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

// Lifecycle states and close codes come from their one tables in lib/cases/.
export const ENGAGEMENT_PHASES = ['PreLegal', 'Legal', 'Enforcement'] as const;
export const PAYMENT_RECIPIENTS = ['Creditor', 'CollectionPartner', 'Platform'] as const;

/** Lower case, letters and digits only: "Partially paid" and "PartiallyPaid" meet here. */
export function enumKey(value: string): string {
  return value
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function enumTable(names: readonly string[], aliases: Record<string, string> = {}): Map<string, string> {
  const table = new Map(names.map((name) => [enumKey(name), name]));
  for (const [alias, name] of Object.entries(aliases)) table.set(enumKey(alias), name);
  return table;
}

const EVENT_TABLE = enumTable(EVENT_TYPES);
const LIFECYCLE_TABLE = enumTable(LIFECYCLE_STATES, {
  'More Info Required': 'NeedsAdditionalDetails',
  'More information required': 'NeedsAdditionalDetails',
  'Pending contract': 'PendingContractSigning',
  'Leads quote given': 'LeadsQuoteGiven',
});
const CLOSE_CODE_TABLE = enumTable(
  CLOSE_CODE_INFO.map((info) => info.code),
  {
    ...Object.fromEntries(CLOSE_CODE_INFO.map((info) => [info.label, info.code])),
    'Debtor bankrupt': 'DebtorInsolventBankrupt',
    'Debtor insolvent': 'DebtorInsolventBankrupt',
  },
);
const PHASE_TABLE = enumTable(ENGAGEMENT_PHASES, { Prelegal: 'PreLegal' });
const RECIPIENT_TABLE = enumTable(PAYMENT_RECIPIENTS, { Partner: 'CollectionPartner', Agency: 'CollectionPartner' });

/**
 * Maps a value to its API name; an unknown value is kept (trimmed) rather than refused:
 * Debitura may add values, and the raw event stays stored either way.
 */
function normalizeWith(table: Map<string, string>, value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  if (!text) return null;
  return table.get(enumKey(text)) ?? text;
}

export const normalizeLifecycle = (value: unknown) => normalizeWith(LIFECYCLE_TABLE, value);
export const normalizeCloseCode = (value: unknown) => normalizeWith(CLOSE_CODE_TABLE, value);
export const normalizeEngagementPhase = (value: unknown) => normalizeWith(PHASE_TABLE, value);
export const normalizeRecipient = (value: unknown) => normalizeWith(RECIPIENT_TABLE, value);

/** "case.assigned", "Case.Assigned", "CaseAssigned" → "case.assigned"; unknown types kept as sent. */
export function normalizeEventType(value: string): string {
  return EVENT_TABLE.get(enumKey(value)) ?? value.trim();
}

export function isKnownEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/** "CaseId" → "caseId", "ID" → "id", "URLPath" → "urlPath"; camelCase stays as it is. */
export function camelKey(key: string): string {
  const upper = /^[A-Z]+/.exec(key)?.[0];
  if (!upper) return key;
  if (upper.length === key.length) return key.toLowerCase();
  const head = upper.length > 1 ? upper.slice(0, -1) : upper;
  return head.toLowerCase() + key.slice(head.length);
}

/**
 * Deep copy with camelCase keys. When both spellings of a key are present, the camelCase
 * one wins. NUL characters are dropped from strings: PostgreSQL text cannot hold them.
 */
export function normalizeKeys(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
  if (Array.isArray(value)) return value.map(normalizeKeys);
  if (!isPlainObject(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    const camel = camelKey(key.replaceAll('\u0000', ''));
    if (camel === '__proto__' || (Object.hasOwn(result, camel) && camel !== key)) continue;
    result[camel] = normalizeKeys(entry);
  }
  return result;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
