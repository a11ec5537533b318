import { ForbiddenError, ValidationError } from '@/lib/api/errors';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { normalizeCloseCode } from './close-codes';
import { caseCursor, decodeCursor, InvalidCursorError, type CaseCursor } from './cursor';
import type { CaseListQuery, CaseSort } from './filters';
import { caseVisibility, searchCondition, unreadCountSql, type Viewer } from './visibility';

/**
 * The case list: one page by keyset pagination, and the per-state counts for the tabs.
 * No `server-only` here: the benchmark times these functions from a plain script, passing
 * the viewer. Pages call them through `lib/cases/queries.ts`.
 */

export type CaseListItem = {
  id: string;
  reference: string;
  creditorReference: string | null;
  debtorName: string | null;
  creditorName: string | null;
  state: string | null;
  closeCode: string | null;
  engagementPhase: string | null;
  isTest: boolean;
  currency: string | null;
  originalAmountMinor: bigint | null;
  paidMinor: bigint;
  outstandingMinor: bigint | null;
  assignedAt: Date | null;
  lastActivityAt: Date | null;
  assignee: { id: string; name: string | null } | null;
  unreadCount: number;
};

export type CaseListPage = { items: CaseListItem[]; nextCursor: string | null };

type Row = {
  id: string;
  reference: string;
  creditor_reference: string | null;
  debtor_name: string | null;
  creditor_name: string | null;
  state: string | null;
  close_code: string | null;
  engagement_phase: string | null;
  is_test: boolean;
  currency: string | null;
  original_amount_minor: bigint | null;
  paid_minor: bigint;
  outstanding_minor: bigint | null;
  assigned_at: Date | null;
  last_activity_at: Date | null;
  assignee_id: string | null;
  assignee_name: string | null;
  unread_count: number;
  segment: number;
};

const SORT_COLUMN: Record<CaseSort, { name: string; cast: string; isNullable: boolean }> = {
  assigned: { name: 'assigned_at', cast: 'timestamptz', isNullable: true },
  activity: { name: 'last_activity_at', cast: 'timestamptz', isNullable: true },
  outstanding: { name: 'outstanding_minor', cast: 'bigint', isNullable: true },
  // Unique and never null: the reference alone is a complete key.
  reference: { name: 'reference', cast: 'text', isNullable: false },
};

const LIST_COLUMNS = Prisma.raw(
  [
    'id',
    'reference',
    'creditor_reference',
    'debtor_name',
    'creditor_name',
    'state',
    'close_code',
    'engagement_phase',
    'is_test',
    'currency',
    'original_amount_minor',
    'paid_minor',
    'outstanding_minor',
    'assigned_at',
    'last_activity_at',
    'assignee_id',
  ]
    .map((name) => `c.${name}`)
    .join(', '),
);

/** The filters shared by the list and the counts (everything but state, sort and page). */
export function caseListConditions(
  viewer: Viewer,
  query: Omit<CaseListQuery, 'sort' | 'dir' | 'limit' | 'cursor'>,
): Prisma.Sql[] {
  const conditions = [Prisma.sql`c.is_test = ${query.isTest}`, ...caseVisibility(viewer)];
  if (query.assignee === 'me') conditions.push(Prisma.sql`c.assignee_id = ${viewer.id}::uuid`);
  else if (query.assignee === 'unassigned') conditions.push(Prisma.sql`c.assignee_id IS NULL`);
  else if (query.assignee) {
    if (query.assignee !== viewer.id && !can(viewer, 'cases:read-all')) {
      throw new ForbiddenError('Only managers and admins can list the cases of another collector.');
    }
    conditions.push(Prisma.sql`c.assignee_id = ${query.assignee}::uuid`);
  }
  if (query.closeCode)
    conditions.push(Prisma.sql`c.close_code = ${normalizeCloseCode(query.closeCode) ?? query.closeCode}`);
  if (query.phase) conditions.push(Prisma.sql`c.engagement_phase = ${query.phase}`);
  if (query.currency) conditions.push(Prisma.sql`c.currency = ${query.currency}`);
  if (query.q) conditions.push(searchCondition(query.q));
  if (query.unread) conditions.push(Prisma.sql`${unreadCountSql(viewer)} > 0`);
  return conditions;
}

export async function listCases(viewer: Viewer, query: CaseListQuery): Promise<CaseListPage> {
  let cursor: CaseCursor | undefined;
  try {
    cursor = query.cursor ? decodeCursor(query.cursor, query.sort, query.dir) : undefined;
  } catch (error) {
    if (error instanceof InvalidCursorError) throw new ValidationError(error.message, 400);
    throw error;
  }
  const { name, isNullable } = SORT_COLUMN[query.sort];
  const column = Prisma.raw(`c.${name}`);
  const cast = Prisma.raw(SORT_COLUMN[query.sort].cast);
  const conditions = caseListConditions(viewer, query);
  if (query.state) conditions.push(Prisma.sql`c.state = ${query.state}`);
  const where = Prisma.join(conditions, ' AND ');
  const dir = Prisma.raw(query.dir === 'asc' ? 'ASC' : 'DESC');
  const op = Prisma.raw(query.dir === 'asc' ? '>' : '<');
  const take = query.limit + 1;

  // Part 1: rows with a sort value, after the cursor. Row comparison so the
  // (is_test, column, id) index serves both the seek and the order.
  const valued =
    cursor?.segment === 'null'
      ? null
      : Prisma.sql`
        SELECT ${LIST_COLUMNS}, 0 AS segment FROM cases c
        WHERE ${where} AND ${column} IS NOT NULL
          ${cursor ? (isNullable ? Prisma.sql`AND (${column}, c.id) ${op} (${cursor.value}::${cast}, ${cursor.id}::uuid)` : Prisma.sql`AND ${column} ${op} ${cursor.value}::${cast}`) : Prisma.empty}
        ORDER BY ${column} ${dir}, c.id ${dir}
        LIMIT ${take}`;
  // Part 2: the null tail, by id.
  const nulls = isNullable
    ? Prisma.sql`
        SELECT ${LIST_COLUMNS}, 1 AS segment FROM cases c
        WHERE ${where} AND ${column} IS NULL
          ${cursor?.segment === 'null' ? Prisma.sql`AND c.id ${op} ${cursor.id}::uuid` : Prisma.empty}
        ORDER BY c.id ${dir}
        LIMIT ${take}`
    : null;
  const parts = [valued, nulls]
    .filter((part): part is Prisma.Sql => part !== null)
    .map((part) => Prisma.sql`(${part})`);
  const outerColumn = Prisma.raw(`p.${name}`);

  const rows = await db.$queryRaw<Row[]>`
    SELECT p.id, p.reference, p.creditor_reference, p.debtor_name, p.creditor_name, p.state, p.close_code,
           p.engagement_phase, p.is_test, p.currency, p.original_amount_minor, p.paid_minor, p.outstanding_minor,
           p.assigned_at, p.last_activity_at, p.assignee_id, u.name AS assignee_name, p.segment,
           ${unreadCountSql(viewer, Prisma.raw('p'))} AS unread_count
    FROM (${Prisma.join(parts, ' UNION ALL ')}) p
    LEFT JOIN users u ON u.id = p.assignee_id
    ORDER BY p.segment, ${outerColumn} ${dir}, p.id ${dir}
    LIMIT ${take}`;

  const page = caseCursor.page(rows, query.limit, (last) => ({
    sort: query.sort,
    dir: query.dir,
    segment: last.segment === 1 ? 'null' : 'value',
    value: last.segment === 1 ? null : cursorValue(query.sort, last),
    id: last.id,
  }));
  return { items: page.rows.map(toItem), nextCursor: page.nextCursor };
}

function cursorValue(sort: CaseSort, row: Row): string {
  if (sort === 'assigned') return row.assigned_at!.toISOString();
  if (sort === 'activity') return row.last_activity_at!.toISOString();
  if (sort === 'outstanding') return row.outstanding_minor!.toString();
  return row.reference;
}

function toItem(row: Row): CaseListItem {
  return {
    id: row.id,
    reference: row.reference,
    creditorReference: row.creditor_reference,
    debtorName: row.debtor_name,
    creditorName: row.creditor_name,
    state: row.state,
    closeCode: row.close_code,
    engagementPhase: row.engagement_phase,
    isTest: row.is_test,
    currency: row.currency,
    originalAmountMinor: row.original_amount_minor,
    paidMinor: row.paid_minor,
    outstandingMinor: row.outstanding_minor,
    assignedAt: row.assigned_at,
    lastActivityAt: row.last_activity_at,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name } : null,
    unreadCount: Number(row.unread_count),
  };
}

export type StateCounts = {
  total: number;
  byState: Record<string, number>;
  /** Counting stopped at COUNT_CAP: `total` means "at least", and per-state numbers are partial. */
  isCapped: boolean;
};

/**
 * A search or the unread filter must test every row to count it exactly, which for a common
 * word costs a scan of the whole table; the list itself stops after one page. So under those
 * filters counting stops at this many, and the tabs say "1,000+".
 */
export const COUNT_CAP = 1000;

/** How many cases each state tab holds under the current filters (all but the state). */
export async function countCasesByState(
  viewer: Viewer,
  query: Omit<CaseListQuery, 'sort' | 'dir' | 'limit' | 'cursor'>,
): Promise<StateCounts> {
  const where = Prisma.join(caseListConditions(viewer, query), ' AND ');
  const isCappable = Boolean(query.q || query.unread);
  const rows = isCappable
    ? await db.$queryRaw<{ state: string | null; count: bigint }[]>`
        SELECT s.state, count(*) AS count
        FROM (SELECT c.state FROM cases c WHERE ${where} LIMIT ${COUNT_CAP}) s
        GROUP BY s.state`
    : await db.$queryRaw<{ state: string | null; count: bigint }[]>`
        SELECT c.state, count(*) AS count FROM cases c WHERE ${where} GROUP BY c.state`;
  const byState: Record<string, number> = {};
  let total = 0;
  for (const row of rows) {
    const count = Number(row.count);
    byState[row.state ?? ''] = count;
    total += count;
  }
  return { total, byState, isCapped: isCappable && total >= COUNT_CAP };
}
