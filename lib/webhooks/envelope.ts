import { enumKey } from '@/lib/validation/enum-names';
import { isKnownEventType, isPlainObject, normalizeEventType, normalizeKeys } from './normalize';

/** What Debitura posts (docs/debitura.md "Envelope"); keys may also arrive PascalCase. */
export type WebhookEnvelope = {
  id: string;
  event: string;
  timestamp: string;
  data: Record<string, unknown>;
  specVersion?: string;
  links?: Record<string, string>;
  [key: string]: unknown;
};

/** A verified delivery's envelope, checked and normalised: what the inbox stores beside the raw body. */
export type ParsedEnvelope = {
  id: string;
  /** Normalised ("case.assigned"); an unknown type as sent. */
  type: string;
  isKnownType: boolean;
  occurredAt: Date;
  caseReference: string | null;
  isTest: boolean;
  /** camelCase keys throughout. */
  data: Record<string, unknown>;
  envelope: Record<string, unknown>;
};

export type EnvelopeFailure =
  | 'invalid_json'
  | 'not_an_object'
  | 'missing_id'
  | 'invalid_id'
  | 'missing_event'
  | 'missing_timestamp'
  | 'invalid_timestamp'
  | 'missing_data';

export type EnvelopeResult = { ok: true; envelope: ParsedEnvelope } | { ok: false; reason: EnvelopeFailure };

/** Ids and references end up in unique btree indexes, which refuse entries over ~2.7 kB. */
export const MAX_KEY_LENGTH = 200;

export function parseEnvelope(text: string): EnvelopeResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'invalid_json' };
  }
  if (!isPlainObject(parsed)) return { ok: false, reason: 'not_an_object' };
  const envelope = normalizeKeys(parsed) as Record<string, unknown>;

  if (envelope.id === undefined || envelope.id === null || envelope.id === '')
    return { ok: false, reason: 'missing_id' };
  const id = toKey(envelope.id);
  if (!id) return { ok: false, reason: 'invalid_id' };
  if (typeof envelope.event !== 'string' || !envelope.event.trim()) return { ok: false, reason: 'missing_event' };
  if (envelope.timestamp === undefined || envelope.timestamp === null || envelope.timestamp === '') {
    return { ok: false, reason: 'missing_timestamp' };
  }
  const occurredAt = parseTimestamp(envelope.timestamp);
  if (!occurredAt) return { ok: false, reason: 'invalid_timestamp' };
  if (!isPlainObject(envelope.data)) return { ok: false, reason: 'missing_data' };

  const type = normalizeEventType(envelope.event);
  const data = envelope.data;
  return {
    ok: true,
    envelope: {
      id,
      type,
      isKnownType: isKnownEventType(type),
      occurredAt,
      caseReference: caseReferenceOf(data),
      isTest: hasTestClassification(envelope),
      data,
      envelope,
    },
  };
}

/** A string or integer id, trimmed, short enough for a unique index; otherwise null. */
export function toKey(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text && text.length <= MAX_KEY_LENGTH ? text : null;
}

export function caseReferenceOf(data: Record<string, unknown>): string | null {
  const nested = isPlainObject(data.case) ? data.case : undefined;
  return toKey(data.reference ?? data.caseReference ?? nested?.reference);
}

/**
 * ISO 8601 text (Debitura's form) or unix seconds/milliseconds. Years outside 1970–9999 are
 * refused: they are mistakes, and PostgreSQL's range is narrower than JavaScript's.
 */
export function parseTimestamp(value: unknown): Date | null {
  let date: Date;
  if (typeof value === 'number' && Number.isFinite(value)) {
    date = new Date(value > 1e11 ? value : value * 1000);
  } else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
    date = new Date(value.trim());
  } else {
    return null;
  }
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  const year = date.getUTCFullYear();
  return year >= 1970 && year <= 9999 ? date : null;
}

const isTestWord = (value: unknown) => typeof value === 'string' && enumKey(value) === 'test';

/**
 * Where a test classification may sit is not public (docs/debitura.md "Envelope"), so look where it
 * plausibly would: on the envelope, its metadata, the data, or a nested case object.
 */
export function hasTestClassification(envelope: Record<string, unknown>): boolean {
  const data = isPlainObject(envelope.data) ? envelope.data : {};
  const places = [envelope, data, envelope.metadata, envelope.meta, data.case, data.metadata].filter(isPlainObject);
  return places.some(
    (place) =>
      isTestWord(place.classification) ||
      isTestWord(place.mode) ||
      place.isTest === true ||
      place.isTestCase === true ||
      place.test === true,
  );
}
