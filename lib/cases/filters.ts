import { z } from 'zod';
import { optionalText } from '@/lib/validation/search-params';
import { isCurrencyCode } from '@/lib/money/currency';
import { MAX_CURSOR_LENGTH } from '@/lib/pagination/cursor';
import { LIFECYCLE_STATES } from './lifecycle';

/**
 * The case list's filters, sort and page, as they appear in the URL (`/cases?...`) and in
 * `GET /api/v1/cases?...`. One schema for both, so a bookmarked view and an API call mean
 * the same thing.
 */

export const CASE_SORTS = ['assigned', 'activity', 'outstanding', 'reference'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

/** Newest / largest first, except reference which reads A→Z. */
export const DEFAULT_DIRECTION: Record<CaseSort, SortDirection> = {
  assigned: 'desc',
  activity: 'desc',
  outstanding: 'desc',
  reference: 'asc',
};

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

const booleanParam = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const schema = z.object({
  state: z.enum(LIFECYCLE_STATES).optional(),
  closeCode: optionalText(z.string().max(60)),
  phase: optionalText(z.string().max(40)),
  currency: optionalText(
    z
      .string()
      .transform((value) => value.toUpperCase())
      .refine(isCurrencyCode, 'must be an ISO 4217 code like EUR'),
  ),
  /** `me`, `unassigned`, or a user id (managers and admins only). */
  assignee: optionalText(z.union([z.literal('me'), z.literal('unassigned'), z.uuid()])),
  isTest: booleanParam.default(false),
  unread: booleanParam.default(false),
  q: optionalText(z.string().max(100, 'search text is at most 100 characters')),
  sort: z.enum(CASE_SORTS).default('assigned'),
  dir: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: optionalText(z.string().max(MAX_CURSOR_LENGTH)),
});

export type CaseListQuery = Omit<z.output<typeof schema>, 'dir'> & { dir: SortDirection };

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(input: SearchParamsInput): Record<string, string> {
  const record: Record<string, string> = {};
  const entries = input instanceof URLSearchParams ? input.entries() : Object.entries(input);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== '') record[key] = first;
  }
  return record;
}

function finish(parsed: z.output<typeof schema>): CaseListQuery {
  return { ...parsed, dir: parsed.dir ?? DEFAULT_DIRECTION[parsed.sort] };
}

/** Strict: for the API, where a bad parameter is the caller's bug (400). */
export function parseCaseListQuery(
  input: SearchParamsInput,
): { ok: true; query: CaseListQuery } | { ok: false; error: z.ZodError } {
  const result = schema.safeParse(toRecord(input));
  return result.success ? { ok: true, query: finish(result.data) } : { ok: false, error: result.error };
}

/**
 * Lenient: for the page, where a hand-edited or stale link should still show cases. Bad
 * parameters are dropped and named, so the page can say what it ignored.
 */
export function parseCaseListQueryLeniently(input: SearchParamsInput): { query: CaseListQuery; ignored: string[] } {
  const record = toRecord(input);
  const ignored: string[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = schema.safeParse(record);
    if (result.success) return { query: finish(result.data), ignored };
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (key in record) {
        ignored.push(key);
        delete record[key];
      }
    }
  }
  return { query: finish(schema.parse({})), ignored };
}

/** The URL search string for a query, leaving out defaults so links stay short. */
export function toSearchParams(query: Partial<CaseListQuery>): URLSearchParams {
  const params = new URLSearchParams();
  if (query.state) params.set('state', query.state);
  if (query.closeCode) params.set('closeCode', query.closeCode);
  if (query.phase) params.set('phase', query.phase);
  if (query.currency) params.set('currency', query.currency);
  if (query.assignee) params.set('assignee', query.assignee);
  if (query.isTest) params.set('isTest', 'true');
  if (query.unread) params.set('unread', 'true');
  if (query.q) params.set('q', query.q);
  const sort = query.sort ?? 'assigned';
  if (sort !== 'assigned') params.set('sort', sort);
  if (query.dir && query.dir !== DEFAULT_DIRECTION[sort]) params.set('dir', query.dir);
  if (query.limit && query.limit !== DEFAULT_PAGE_SIZE) params.set('limit', String(query.limit));
  if (query.cursor) params.set('cursor', query.cursor);
  return params;
}
