/**
 * Leniency at the edge (docs/debitura.md "Parsing rules"): keys may come camelCase or PascalCase,
 * enum values as API names or display strings. Everything past this file sees camelCase
 * keys and API names.
 */

import { enumNormalizer } from '@/lib/validation/enum-names';

export const EVENT_TYPES = [
  'case.assigned',
  'case.updated',
  'case.closed',
  'payment.created',
  'payment.deleted',
  'chat.created',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const normalizeKnownEventType = enumNormalizer(EVENT_TYPES);

/**
 * An unknown enum value is kept only this long: the state sits in btree indexes, which refuse
 * entries over ~2.7 kB, and no real state or code name comes near it.
 */
export const MAX_ENUM_LENGTH = 100;

/**
 * An enum value as Casedesk stores it, given the concept's one normalizer (lifecycle,
 * close code, phase, recipient): its API name when known. An unknown value is kept (trimmed,
 * and cut to MAX_ENUM_LENGTH)
 * rather than refused: Debitura may add values, and the raw event stays stored either way.
 */
export function enumFromWire(value: unknown, normalize: (value: string) => string | null): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  if (!text) return null;
  return normalize(text) ?? text.slice(0, MAX_ENUM_LENGTH).trim();
}

/** "case.assigned", "Case.Assigned", "CaseAssigned" → "case.assigned"; unknown types kept as sent. */
export function normalizeEventType(value: string): string {
  return normalizeKnownEventType(value) ?? value.trim();
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
