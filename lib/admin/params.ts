import { z } from 'zod';
import { MAX_CURSOR_LENGTH } from '@/lib/pagination/cursor';

/**
 * The admin lists' filters as they appear in the URL. Parsing is lenient: a value that
 * does not parse (a hand-edited URL, an old bookmark) is dropped, so the page still shows
 * a list instead of an error, and the form shows which filters are in force.
 */

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

export const PAGE_SIZE = 50;

export function toRecord(input: SearchParamsInput): Record<string, string> {
  const record: Record<string, string> = {};
  const entries = input instanceof URLSearchParams ? input.entries() : Object.entries(input);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first.trim() !== '') record[key] = first.trim();
  }
  return record;
}

/** A calendar day (UTC), as an HTML date input sends it. */
const day = z.iso.date().optional().catch(undefined);
const text = (max: number) => z.string().max(max).optional().catch(undefined);
const cursor = z.string().max(MAX_CURSOR_LENGTH).optional().catch(undefined);

export const DELIVERY_STATUSES = ['applied', 'duplicate', 'ignored', 'failed', 'received'] as const;
export type DeliveryStatusFilter = (typeof DELIVERY_STATUSES)[number];

const deliverySchema = z.object({
  status: z.enum(DELIVERY_STATUSES).optional().catch(undefined),
  type: text(100),
  mode: z.enum(['live', 'test']).optional().catch(undefined),
  case: text(200),
  from: day,
  to: day,
  cursor,
});
export type DeliveryFilters = z.output<typeof deliverySchema>;

export function parseDeliveryFilters(input: SearchParamsInput): DeliveryFilters {
  return deliverySchema.parse(toRecord(input));
}

const rejectedSchema = z.object({
  reason: text(100),
  from: day,
  to: day,
  cursor,
});
export type RejectedFilters = z.output<typeof rejectedSchema>;

export function parseRejectedFilters(input: SearchParamsInput): RejectedFilters {
  return rejectedSchema.parse(toRecord(input));
}

const auditSchema = z.object({
  action: text(100),
  /** Part of the actor's email; "system" for entries without an actor. */
  actor: text(200),
  from: day,
  to: day,
  cursor,
});
export type AuditFilters = z.output<typeof auditSchema>;

export function parseAuditFilters(input: SearchParamsInput): AuditFilters {
  return auditSchema.parse(toRecord(input));
}

/** [from 00:00 UTC, the day after `to` 00:00 UTC): both days included. */
export function dayRange(from?: string, to?: string): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (from) range.gte = new Date(`${from}T00:00:00.000Z`);
  if (to) range.lt = new Date(new Date(`${to}T00:00:00.000Z`).getTime() + 86_400_000);
  return range;
}

/** The same filters with another cursor (or none): for "next page" and "first page" links. */
export function withCursor(filters: Record<string, string | undefined>, next: string | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key !== 'cursor' && value) params.set(key, value);
  }
  if (next) params.set('cursor', next);
  const query = params.toString();
  return query ? `?${query}` : '';
}
