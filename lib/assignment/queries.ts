import { ENDED_STATES } from '@/lib/cases/lifecycle';
import { db } from '@/lib/db';

/**
 * Who can take cases, and how much each one holds. Callers check `cases:assign` first.
 * A case is open until it is Closed or Merged.
 */

// The states are constants of our own vocabulary, safe to write into the SQL text.
const ENDED_STATES_SQL = ENDED_STATES.map((state) => `'${state}'`).join(', ');
export const OPEN_CASE_SQL = `(c.state IS NULL OR c.state NOT IN (${ENDED_STATES_SQL}))`;

export type Assignee = { id: string; name: string; email: string; role: string };

/** Active users who can work cases: collectors first, then managers and admins. */
export async function listAssignees(): Promise<Assignee[]> {
  return db.user
    .findMany({
      where: { disabledAt: null, role: { in: ['collector', 'manager', 'admin'] } },
      select: { id: true, name: true, email: true, role: true },
      orderBy: [{ name: 'asc' }],
    })
    .then((users) => users.sort((a, b) => Number(b.role === 'collector') - Number(a.role === 'collector')));
}

export type Workload = {
  user: { id: string; name: string; email: string; role: string; isDisabled: boolean } | null;
  openCases: number;
  /** Per currency, never added across currencies; cases whose amount is not known yet count as `unknown`. */
  outstanding: { currency: string; amountMinor: bigint; cases: number }[];
  unknownAmountCases: number;
};

/** Each collector's open workload (and the unassigned pile), live or test cases. */
export async function teamWorkload(isTest: boolean): Promise<Workload[]> {
  const [users, rows] = await Promise.all([
    db.user.findMany({
      where: { OR: [{ role: 'collector', disabledAt: null }, { assignedCases: { some: {} } }] },
      select: { id: true, name: true, email: true, role: true, disabledAt: true },
      orderBy: { name: 'asc' },
    }),
    db.$queryRawUnsafe<
      { assignee_id: string | null; currency: string | null; cases: bigint; outstanding: bigint; unknown: bigint }[]
    >(
      `SELECT c.assignee_id, c.currency, count(*) AS cases,
              COALESCE(sum(c.outstanding_minor), 0)::bigint AS outstanding,
              count(*) FILTER (WHERE c.outstanding_minor IS NULL OR c.currency IS NULL) AS unknown
       FROM cases c WHERE c.is_test = $1 AND ${OPEN_CASE_SQL}
       GROUP BY c.assignee_id, c.currency ORDER BY c.currency`,
      isTest,
    ),
  ]);
  const byUser = new Map<string | null, Workload>();
  for (const user of users) {
    byUser.set(user.id, {
      user: { id: user.id, name: user.name, email: user.email, role: user.role, isDisabled: user.disabledAt !== null },
      openCases: 0,
      outstanding: [],
      unknownAmountCases: 0,
    });
  }
  byUser.set(null, { user: null, openCases: 0, outstanding: [], unknownAmountCases: 0 });
  for (const row of rows) {
    const workload = byUser.get(row.assignee_id);
    if (!workload) continue;
    workload.openCases += Number(row.cases);
    workload.unknownAmountCases += Number(row.unknown);
    if (row.currency)
      workload.outstanding.push({ currency: row.currency, amountMinor: row.outstanding, cases: Number(row.cases) });
  }
  return [...byUser.values()].filter(
    (workload) =>
      workload.user === null ||
      workload.openCases > 0 ||
      (workload.user.role === 'collector' && !workload.user.isDisabled),
  );
}
