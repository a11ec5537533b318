import 'server-only';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { Viewer } from './visibility';

/**
 * The case reads pages use. Each takes the viewer and checks the role inside. The query
 * bodies live in plain modules (case-list.ts, case-detail.ts) so scripts such as the
 * benchmark can call them without a Next request.
 */
export {
  countCasesByState,
  listCases,
  COUNT_CAP,
  type CaseListItem,
  type CaseListPage,
  type StateCounts,
} from './case-list';
export { getCaseDetail, type CaseDetail, type PaymentEntry, type TimelineEntry } from './case-detail';
export type { Viewer } from './visibility';

export type FilterOptions = {
  currencies: string[];
  /** Collectors a manager can filter by; empty for collectors (they only have "me"). */
  assignees: { id: string; name: string }[];
};

let currencyCache: { at: number; values: string[] } | undefined;
const CURRENCY_CACHE_MS = 5 * 60_000;

/** Choices for the list's filter menus. */
export async function getFilterOptions(viewer: Viewer): Promise<FilterOptions> {
  const [currencies, assignees] = await Promise.all([
    listCurrencies(),
    can(viewer, 'cases:read-all')
      ? db.user.findMany({
          where: { disabledAt: null, role: { in: ['collector', 'manager'] } },
          orderBy: [{ name: 'asc' }, { email: 'asc' }],
          select: { id: true, name: true, email: true },
        })
      : [],
  ]);
  return { currencies, assignees: assignees.map((user) => ({ id: user.id, name: user.name || user.email })) };
}

/**
 * The currencies cases use. A distinct over every case is a full scan, and the set hardly
 * ever changes, so it is kept for a few minutes per server process.
 */
async function listCurrencies(): Promise<string[]> {
  if (currencyCache && Date.now() - currencyCache.at < CURRENCY_CACHE_MS) return currencyCache.values;
  const rows = await db.$queryRaw<{ currency: string }[]>`
    SELECT DISTINCT currency FROM cases WHERE currency IS NOT NULL ORDER BY currency`;
  currencyCache = { at: Date.now(), values: rows.map((row) => row.currency) };
  return currencyCache.values;
}
