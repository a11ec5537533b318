import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as exportCases } from '@/app/(app)/cases/export/route';
import { GET as exportPayments } from '@/app/(app)/payments/export/route';
import { GET as exportReport } from '@/app/(app)/reports/export/route';
import { assignCases, AssignmentError } from '@/lib/assignment/assign';
import { teamWorkload } from '@/lib/assignment/queries';
import { createApiToken } from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { closePool } from '@/lib/database/pool';
import { parsePaymentQuery } from '@/lib/payments/filters';
import { caseBalances, listPayments, paymentTotals } from '@/lib/payments/queries';
import { parseReportFilter } from '@/lib/reports/filters';
import {
  ageingOfOpenCases,
  casesPerState,
  closeCodeDistribution,
  collectedPerMonth,
  recoveryByAssignmentMonth,
} from '@/lib/reports/queries';
import { createUser, setUserDisabled } from '@/lib/users/users';
import { editCursor } from '@/test/helpers/cursors';
import { createTestDatabase } from '@/test/helpers/database';
import { assigned, closed, deliverAll, paymentCreated, WEBHOOK_SECRET } from './manager-support';

/**
 * Assignment (one transaction, a timeline row and an audit entry per changed case), the
 * team's workload, the /payments list and totals, the outcome reports, and the CSV exports
 * (over their route handlers, with a manager's and a collector's API token), on a real
 * PostgreSQL filled through signed webhooks.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let manager: { id: string; email: string };
let carl: { id: string; email: string };
let dora: { id: string; email: string };
let managerToken: string;
let collectorToken: string;

const DAY = 86_400_000;
const now = Date.now();
const daysAgo = (days: number) => new Date(now - days * DAY).toISOString();
const month = (iso: string) => iso.slice(0, 7);

// reference, currency, claim, days since assignment, payments (amount, days after assignment)
const FIXTURES = [
  { reference: 'AGE-1', currency: 'EUR', claim: 1000, age: 10, payments: [400] }, // partial
  { reference: 'AGE-2', currency: 'EUR', claim: 500, age: 45, payments: [600] }, // over-payment
  { reference: 'AGE-3', currency: 'DKK', claim: 2000, age: 75, payments: [100] },
  { reference: 'AGE-4', currency: 'EUR', claim: 800, age: 120, payments: [800], closeCode: 'Paid' },
  { reference: 'AGE-5', currency: 'DKK', claim: 300, age: 130, payments: [], closeCode: 'Debtor untraceable' },
] as const;

const caseIds = new Map<string, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.DEBITURA_WEBHOOK_SECRETS = WEBHOOK_SECRET;
  manager = await createUser({ email: 'manager@agency.test', name: 'Mona Manager', role: 'manager' });
  carl = await createUser({ email: 'carl@agency.test', name: 'Carl Collector', role: 'collector' });
  dora = await createUser({ email: 'dora@agency.test', name: 'Dora Collector', role: 'collector' });
  await createUser({ email: 'gone@agency.test', name: 'Gone Collector', role: 'collector' });
  await setUserDisabled('gone@agency.test', true);
  managerToken = (await createApiToken({ userId: manager.id, name: 'test' })).token;
  collectorToken = (await createApiToken({ userId: carl.id, name: 'test' })).token;

  const events = FIXTURES.flatMap((fixture) => [
    assigned(fixture.reference, fixture.currency, fixture.claim, daysAgo(fixture.age)),
    ...fixture.payments.map((amount, index) =>
      paymentCreated(
        fixture.reference,
        `${fixture.reference}-p${index}`,
        amount,
        fixture.currency,
        daysAgo(fixture.age - 1),
      ),
    ),
    ...('closeCode' in fixture ? [closed(fixture.reference, fixture.closeCode, daysAgo(fixture.age - 2))] : []),
  ]);
  await deliverAll(events);
  await deliverAll(
    [assigned('AGE-T', 'EUR', 100, daysAgo(5)), paymentCreated('AGE-T', 'AGE-T-p0', 50, 'EUR', daysAgo(4))].map(
      (event) => ({ ...event, data: { ...event.data, classification: 'test' } }),
    ),
    { 'x-debitura-test': 'true' },
  );
  for (const row of await db.case.findMany({ select: { id: true, reference: true } }))
    caseIds.set(row.reference, row.id);
});

afterAll(async () => {
  await db.$disconnect();
  await closePool();
  await database?.drop();
});

const id = (reference: string) => caseIds.get(reference)!;

describe('assignment', () => {
  it('assigns many cases in one go, with a timeline row and an audit entry per case', async () => {
    expect(
      await assignCases({ actor: manager, caseIds: [id('AGE-1'), id('AGE-2'), id('AGE-3')], assigneeId: carl.id }),
    ).toEqual({ changed: 3, unchanged: 0, notFound: [] });
    const events = await db.caseEvent.findMany({ where: { type: 'assignment.changed' }, orderBy: { caseId: 'asc' } });
    expect(events).toHaveLength(3);
    for (const event of events) {
      expect(event).toMatchObject({
        eventId: null,
        actorId: manager.id,
        detail: { from: null, to: { id: carl.id, name: 'Carl Collector' } },
      });
    }
    expect(await db.auditLog.count({ where: { action: 'case.assigned', actorId: manager.id } })).toBe(3);
    expect((await db.case.findUniqueOrThrow({ where: { reference: 'AGE-1' } })).assigneeId).toBe(carl.id);
  });

  it('changes nothing when repeated, moves a case from one collector to another, and unassigns', async () => {
    expect(await assignCases({ actor: manager, caseIds: [id('AGE-1')], assigneeId: carl.id })).toEqual({
      changed: 0,
      unchanged: 1,
      notFound: [],
    });
    expect(await db.caseEvent.count({ where: { type: 'assignment.changed' } })).toBe(3);

    await assignCases({ actor: manager, caseIds: [id('AGE-2')], assigneeId: dora.id });
    const moved = await db.caseEvent.findFirstOrThrow({
      where: { type: 'assignment.changed', caseId: id('AGE-2') },
      orderBy: { createdAt: 'desc' },
    });
    expect(moved.detail).toEqual({
      from: { id: carl.id, name: 'Carl Collector' },
      to: { id: dora.id, name: 'Dora Collector' },
    });

    await assignCases({ actor: manager, caseIds: [id('AGE-3')], assigneeId: null });
    const unassigned = await db.caseEvent.findFirstOrThrow({
      where: { type: 'assignment.changed', caseId: id('AGE-3') },
      orderBy: { createdAt: 'desc' },
    });
    expect(unassigned.detail).toEqual({ from: { id: carl.id, name: 'Carl Collector' }, to: null });
    expect(await db.auditLog.count({ where: { action: 'case.unassigned', targetId: 'AGE-3' } })).toBe(1);
  });

  it('refuses a disabled user and names unknown cases; nothing half-done', async () => {
    const gone = await db.user.findUniqueOrThrow({ where: { email: 'gone@agency.test' } });
    await expect(assignCases({ actor: manager, caseIds: [id('AGE-3')], assigneeId: gone.id })).rejects.toThrow(
      AssignmentError,
    );
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await assignCases({ actor: manager, caseIds: [id('AGE-3'), missing], assigneeId: dora.id })).toEqual({
      changed: 1,
      unchanged: 0,
      notFound: [missing],
    });
    await assignCases({ actor: manager, caseIds: [id('AGE-3')], assigneeId: null });
  });

  it('serialises overlapping bulk assignments without deadlock: one final assignee, one row per change', async () => {
    const all = ['AGE-1', 'AGE-2', 'AGE-3'].map(id);
    const before = await db.caseEvent.count({ where: { type: 'assignment.changed' } });
    const results = await Promise.all([
      assignCases({ actor: manager, caseIds: all, assigneeId: dora.id }),
      assignCases({ actor: manager, caseIds: [...all].reverse(), assigneeId: dora.id }),
    ]);
    // AGE-1 was Carl's, AGE-2 already Dora's, AGE-3 unassigned: two changes in all, whoever won.
    expect(results.reduce((sum, result) => sum + result.changed, 0)).toBe(2);
    expect(await db.caseEvent.count({ where: { type: 'assignment.changed' } })).toBe(before + 2);
    await assignCases({ actor: manager, caseIds: [id('AGE-1')], assigneeId: carl.id });
    await assignCases({ actor: manager, caseIds: [id('AGE-3')], assigneeId: null });
  });

  it("shows each collector's open workload and outstanding per currency", async () => {
    const team = await teamWorkload(false);
    const byName = new Map(team.map((row) => [row.user?.name ?? 'unassigned', row]));
    expect(byName.get('Carl Collector')).toMatchObject({
      openCases: 1,
      outstanding: [{ currency: 'EUR', amountMinor: 60000n, cases: 1 }],
    });
    expect(byName.get('Dora Collector')).toMatchObject({
      openCases: 1,
      outstanding: [{ currency: 'EUR', amountMinor: -10000n, cases: 1 }],
    });
    expect(byName.get('unassigned')).toMatchObject({
      openCases: 1,
      outstanding: [{ currency: 'DKK', amountMinor: 190000n, cases: 1 }],
    });
    expect(byName.has('Gone Collector')).toBe(false);
  });
});

describe('the payments list', () => {
  const query = (params: Record<string, string>) => parsePaymentQuery(params).query;

  it('lists live payments newest first with totals per currency, never summed across currencies', async () => {
    const { items } = await listPayments(query({}));
    expect(items.map((row) => row.debituraPaymentId)).toEqual(['AGE-1-p0', 'AGE-2-p0', 'AGE-3-p0', 'AGE-4-p0']);
    expect(await paymentTotals(query({}))).toEqual([
      {
        currency: 'DKK',
        count: 1,
        standingMinor: 10000n,
        reconciledMinor: 0n,
        unreconciledMinor: 10000n,
        deletedCount: 0,
      },
      {
        currency: 'EUR',
        count: 3,
        standingMinor: 180000n,
        reconciledMinor: 0n,
        unreconciledMinor: 180000n,
        deletedCount: 0,
      },
    ]);
    expect((await listPayments(query({ isTest: 'true' }))).items.map((row) => row.debituraPaymentId)).toEqual([
      'AGE-T-p0',
    ]);
  });

  it('filters by collector, currency, date range and status, and pages by keyset', async () => {
    const ids = async (params: Record<string, string>) =>
      (await listPayments(query(params))).items.map((row) => row.debituraPaymentId);
    expect(await ids({ collector: carl.id })).toEqual(['AGE-1-p0']);
    expect(await ids({ collector: 'unassigned' })).toEqual(['AGE-3-p0', 'AGE-4-p0']);
    expect(await ids({ currency: 'dkk' })).toEqual(['AGE-3-p0']);
    expect(await ids({ from: daysAgo(50).slice(0, 10), to: daysAgo(0).slice(0, 10) })).toEqual([
      'AGE-1-p0',
      'AGE-2-p0',
    ]);
    expect(await ids({ status: 'reconciled' })).toEqual([]);
    expect(await ids({ recipient: 'CollectionPartner', status: 'unreconciled' })).toHaveLength(4);

    const first = await listPayments(query({ limit: '3' }));
    expect(first.items).toHaveLength(3);
    const second = await listPayments(query({ limit: '3', cursor: first.nextCursor! }));
    expect(second).toMatchObject({ nextCursor: null, items: [{ debituraPaymentId: 'AGE-4-p0' }] });
    // A cursor edited to hold a date PostgreSQL would refuse starts from the top, never an error.
    const edited = editCursor(first.nextCursor!, 2, '1');
    expect((await listPayments(query({ limit: '3', cursor: edited }))).items).toEqual(first.items);
  });

  it('flags over- and partial payment per case', async () => {
    const balances = await caseBalances(query({}));
    expect({ total: balances.total, overpaid: balances.overpaid, partial: balances.partial }).toEqual({
      total: 4,
      overpaid: 1,
      partial: 2,
    });
    expect(balances.rows[0]).toMatchObject({
      reference: 'AGE-2',
      isOverpaid: true,
      paidMinor: 60000n,
      outstandingMinor: -10000n,
    });
    expect(balances.rows.find((row) => row.reference === 'AGE-1')).toMatchObject({
      isPartiallyPaid: true,
      isOverpaid: false,
      dueMinor: 100000n,
    });
    expect(balances.rows.find((row) => row.reference === 'AGE-4')).toMatchObject({
      isPartiallyPaid: false,
      isOverpaid: false,
      outstandingMinor: 0n,
    });
  });
});

describe('the outcome reports', () => {
  const filter = parseReportFilter({ from: daysAgo(365).slice(0, 10), to: daysAgo(0).slice(0, 10) }).filter;

  it('counts close codes per code and per group', async () => {
    expect(await closeCodeDistribution(filter)).toEqual([
      { group: 'debtor-side', code: null, cases: 1 },
      { group: 'debtor-side', code: 'DebtorUntraceable', cases: 1 },
      { group: 'success', code: null, cases: 1 },
      { group: 'success', code: 'Paid', cases: 1 },
    ]);
  });

  it('computes recovery by month of assignment and collected per month, per currency', async () => {
    type Sum = { cases: number; placed: number; collected: number };
    const expected = new Map<string, Sum>();
    for (const fixture of FIXTURES) {
      const key = `${month(daysAgo(fixture.age))} ${fixture.currency}`;
      const sum = expected.get(key) ?? { cases: 0, placed: 0, collected: 0 };
      sum.cases += 1;
      sum.placed += fixture.claim * 100;
      sum.collected += fixture.payments.reduce((total: number, amount: number) => total + amount * 100, 0);
      expected.set(key, sum);
    }
    const recovery = await recoveryByAssignmentMonth(filter);
    expect(recovery.map((row) => `${row.month} ${row.currency}`)).toEqual([...expected.keys()].sort());
    for (const row of recovery) {
      const sum = expected.get(`${row.month} ${row.currency}`)!;
      expect(row).toMatchObject({
        cases: sum.cases,
        placedMinor: BigInt(sum.placed),
        collectedMinor: BigInt(sum.collected),
      });
      expect(row.ratePercent).toBe(((sum.collected * 100) / sum.placed).toFixed(1));
    }
    const collected = await collectedPerMonth(filter);
    const total = (currency: string) =>
      collected.filter((row) => row.currency === currency).reduce((sum, row) => sum + row.collectedMinor, 0n);
    expect({ EUR: total('EUR'), DKK: total('DKK') }).toEqual({ EUR: 180000n, DKK: 10000n });
  });

  it('counts cases per state and ages the open ones since assignment', async () => {
    expect(await casesPerState(filter)).toEqual([
      { state: 'Active', cases: 3 },
      { state: 'Closed', cases: 2 },
    ]);
    expect(await ageingOfOpenCases(filter)).toEqual([
      { bucket: '0–30', currency: 'EUR', cases: 1, outstandingMinor: 60000n },
      { bucket: '31–60', currency: 'EUR', cases: 1, outstandingMinor: -10000n },
      { bucket: '61–90', currency: 'DKK', cases: 1, outstandingMinor: 190000n },
    ]);
    // The range applies to assignment: a range before every case counts none.
    expect(await casesPerState({ ...filter, from: '2020-01-01', to: '2020-12-31' })).toEqual([]);
  });
});

describe('CSV exports', () => {
  const get = async (
    handler: (request: Request) => Promise<Response>,
    path: string,
    token: string,
    language = 'en',
  ) => {
    const response = await handler(
      new Request(`http://127.0.0.1${path}`, {
        headers: { authorization: `Bearer ${token}`, 'accept-language': language },
      }),
    );
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };
  const rows = (text: string) =>
    Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, '').trim(), { header: true }).data;

  it('exports the filtered payments for a manager, and answers 403 to a collector', async () => {
    const result = await get(exportPayments, `/payments/export?collector=${carl.id}`, managerToken);
    expect(result).toMatchObject({ status: 200, type: 'text/csv; charset=utf-8' });
    expect(rows(result.text)).toEqual([
      expect.objectContaining({
        'Payment ID': 'AGE-1-p0',
        'Case reference': 'AGE-1',
        Amount: '400.00',
        Currency: 'EUR',
        'Amount in minor units': '40000',
        'Reconciliation status': 'unreconciled',
        Collector: 'Carl Collector',
      }),
    ]);
    expect((await get(exportPayments, '/payments/export', collectorToken)).status).toBe(403);
    expect((await get(exportPayments, '/payments/export', 'cd_not-a-token')).status).toBe(401);
  });

  it('exports each report as the table on the page', async () => {
    const result = await get(
      exportReport,
      `/reports/export?report=ageing&from=${filter().from}&to=${filter().to}`,
      managerToken,
    );
    expect(result.status).toBe(200);
    expect(rows(result.text)).toEqual([
      { 'Days since assignment': '0–30', Currency: 'EUR', Cases: '1', Outstanding: '600.00' },
      { 'Days since assignment': '31–60', Currency: 'EUR', Cases: '1', Outstanding: '-100.00' },
      { 'Days since assignment': '61–90', Currency: 'DKK', Cases: '1', Outstanding: '1900.00' },
    ]);
    expect((await get(exportReport, '/reports/export?report=nope', managerToken)).status).toBe(400);
    expect((await get(exportReport, '/reports/export?report=ageing', collectorToken)).status).toBe(403);
  });

  it("writes the headers in the reader's language and keeps every value machine-readable", async () => {
    const german = rows(
      (await get(exportPayments, `/payments/export?collector=${carl.id}`, managerToken, 'de-DE')).text,
    );
    expect(german).toEqual([expect.objectContaining({ 'Zahlungs-ID': 'AGE-1-p0', Betrag: '400.00', Währung: 'EUR' })]);
    expect(german[0].Datum).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const range = `from=${filter().from}&to=${filter().to}`;
    const danish = await get(exportReport, `/reports/export?report=ageing&${range}`, managerToken, 'da');
    expect(rows(danish.text)[1]).toEqual({
      'Dage siden overdragelse': '31–60',
      Valuta: 'EUR',
      Sager: '1',
      Udestående: '-100.00',
    });
  });

  it('exports the filtered case list through the list query', async () => {
    const result = await get(exportCases, `/cases/export?assignee=${carl.id}`, managerToken);
    expect(result.status).toBe(200);
    expect(rows(result.text)).toEqual([
      expect.objectContaining({
        Reference: 'AGE-1',
        Currency: 'EUR',
        'Original amount': '1000.00',
        Paid: '400.00',
        Outstanding: '600.00',
        Assignee: 'Carl Collector',
      }),
    ]);
    const all = rows((await get(exportCases, '/cases/export?sort=reference', managerToken)).text);
    expect(all.map((row) => row.Reference)).toEqual(['AGE-1', 'AGE-2', 'AGE-3', 'AGE-4', 'AGE-5']);
    expect((await get(exportCases, '/cases/export?state=Nope', managerToken)).status).toBe(400);
    expect((await get(exportCases, '/cases/export', collectorToken)).status).toBe(403);
  });
});

function filter() {
  return parseReportFilter({ from: daysAgo(365).slice(0, 10), to: daysAgo(0).slice(0, 10) }).filter;
}
