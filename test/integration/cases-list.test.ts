import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/auth/tokens';
import { countCasesByState, COUNT_CAP } from '@/lib/cases/case-list';
import { getCaseDetail } from '@/lib/cases/case-detail';
import { parseCaseListQuery, type CaseListQuery } from '@/lib/cases/filters';
import { db } from '@/lib/db';
import { createUser } from '@/lib/users/users';
import { startApp, type AppServer } from '@/test/helpers/app-server';
import { editCursor } from '@/test/helpers/cursors';
import { createTestDatabase } from '@/test/helpers/database';
import {
  envelope,
  sendWebhookRetrying,
  TEST_WEBHOOK_SECRET,
  type Envelope,
  waitForInboxDrained,
} from '@/test/helpers/webhooks';

/**
 * The case list over `GET /api/v1/cases` on a real `next start` and PostgreSQL, with cases
 * sent in as signed webhooks: role visibility, every filter, keyset pages for every sort in
 * both directions (no gaps, no repeats, nulls last), errors; plus the tab counts and the
 * case page query called directly.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let app: AppServer;
let carl: { id: string; role: string };
let dora: { id: string; role: string };
let manager: { id: string; role: string };
const tokens: Record<'carl' | 'dora' | 'manager', string> = { carl: '', dora: '', manager: '' };

const DAY = 86_400_000;
const now = Date.now();
const daysAgo = (days: number) => new Date(now - days * DAY).toISOString();

type Fixture = {
  reference: string;
  debtor: string;
  creditor: string;
  currency: string;
  gross: number;
  age: number;
  payments?: number[];
  state?: string;
  closeCode?: string;
  assignee?: 'carl' | 'dora';
  isTest?: boolean;
};

// Ties on purpose: LST-03/LST-04 share an assignment time, LST-01/LST-06 an outstanding amount (800.00 EUR).
const FIXTURES: Fixture[] = [
  {
    reference: 'LST-01',
    debtor: 'Anna Hansen',
    creditor: 'Nordic Supplies ApS',
    currency: 'EUR',
    gross: 800,
    age: 30,
    assignee: 'carl',
  },
  {
    reference: 'LST-02',
    debtor: 'Lars Jensen',
    creditor: 'Fjord Logistics AS',
    currency: 'DKK',
    gross: 2500.5,
    age: 12,
    payments: [500],
    assignee: 'carl',
  },
  {
    reference: 'LST-03',
    debtor: 'Mette Nielsen',
    creditor: 'Nordic Supplies ApS',
    currency: 'EUR',
    gross: 300,
    age: 20,
    state: 'Paused',
    assignee: 'dora',
  },
  {
    reference: 'LST-04',
    debtor: 'Jens Pedersen',
    creditor: 'Baltic Trade GmbH',
    currency: 'SEK',
    gross: 4200,
    age: 20,
  },
  {
    reference: 'LST-05',
    debtor: 'Sofie Hansen',
    creditor: 'Oslo Marine AS',
    currency: 'EUR',
    gross: 800,
    age: 5,
    payments: [800],
    closeCode: 'Paid',
  },
  {
    reference: 'LST-06',
    debtor: 'Peter Madsen',
    creditor: 'Oslo Marine AS',
    currency: 'EUR',
    gross: 1200,
    age: 7,
    payments: [400],
    state: 'Paused',
    assignee: 'dora',
  },
  {
    reference: 'LST-07',
    debtor: 'Karen Olsen',
    creditor: 'Copenhagen Coffee Co',
    currency: 'JPY',
    gross: 150000,
    age: 60,
    closeCode: 'Debtor untraceable',
  },
  {
    reference: 'LST-08',
    debtor: 'Henrik Møller',
    creditor: 'Aarhus Digital',
    currency: 'EUR',
    gross: 99.99,
    age: 2,
    assignee: 'carl',
  },
  {
    reference: 'LST-09',
    debtor: 'Julia 100% Larsen',
    creditor: 'Aarhus Digital',
    currency: 'DKK',
    gross: 640,
    age: 45,
  },
  {
    reference: 'LST-10',
    debtor: 'Oliver Schmidt',
    creditor: 'Berlin Parts GmbH',
    currency: 'EUR',
    gross: 5000,
    age: 90,
    state: 'NeedsAdditionalDetails',
  },
  {
    reference: 'LST-T1',
    debtor: 'Test Hansen',
    creditor: 'Sandbox Creditor',
    currency: 'EUR',
    gross: 10,
    age: 3,
    isTest: true,
  },
  {
    reference: 'LST-T2',
    debtor: 'Test Olsen',
    creditor: 'Sandbox Creditor',
    currency: 'EUR',
    gross: 20,
    age: 4,
    isTest: true,
    assignee: 'dora',
  },
];
// A payment for a case Debitura has not assigned yet: no assignment time, no amounts (nulls sort last).
const ORPHAN = 'LST-ORPHAN';

function caseAssigned(fixture: Fixture) {
  return envelope(
    'case.assigned',
    {
      reference: fixture.reference,
      caseId: randomUUID(),
      lifecycle: 'Active',
      creditorReference: `INV-${fixture.reference}`,
      currency: fixture.currency,
      grossAmount: fixture.gross,
      totalAddedFees: 0,
      currentEngagementPhase: fixture.age > 40 ? 'Legal' : 'Pre-legal',
      debtor: { type: 'Person', name: fixture.debtor },
      creditor: { companyName: fixture.creditor },
    },
    { timestamp: daysAgo(fixture.age) },
  );
}

async function deliver(body: ReturnType<typeof envelope>, isTest = false) {
  // Test events carry the classification in the signed body (what counts) and the header.
  const signed = isTest ? { ...body, data: { ...body.data, classification: 'test' } } : body;
  const response = await deliverSigned(signed, isTest ? { 'x-debitura-test': 'true' } : {});
  expect(response.status, `${body.event} ${JSON.stringify(body.data)}`).toBe(200);
}

function deliverSigned(body: Envelope, headers: Record<string, string> = {}) {
  return sendWebhookRetrying(app.url, body, { headers });
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  app = await startApp({ databaseUrl: database.url, env: { DEBITURA_WEBHOOK_SECRETS: TEST_WEBHOOK_SECRET } });
  const users = {
    carl: await createUser({ email: 'carl@cases.test', name: 'Carl Collector', role: 'collector' }),
    dora: await createUser({ email: 'dora@cases.test', name: 'Dora Collector', role: 'collector' }),
    manager: await createUser({ email: 'mona@cases.test', name: 'Mona Manager', role: 'manager' }),
  };
  carl = users.carl;
  dora = users.dora;
  manager = users.manager;
  for (const name of ['carl', 'dora', 'manager'] as const)
    tokens[name] = (await createApiToken({ userId: users[name].id, name: 'test' })).token;

  for (const fixture of FIXTURES) {
    await deliver(caseAssigned(fixture), fixture.isTest);
    for (const [index, amount] of (fixture.payments ?? []).entries()) {
      await deliver(
        envelope(
          'payment.created',
          {
            reference: fixture.reference,
            paymentId: `${fixture.reference}-p${index}`,
            amount,
            currency: fixture.currency,
            date: daysAgo(fixture.age - 1),
          },
          { timestamp: daysAgo(fixture.age - 1) },
        ),
        fixture.isTest,
      );
    }
    if (fixture.state) {
      await deliver(
        envelope(
          'case.updated',
          { reference: fixture.reference, oldLifecycle: 'Active', newLifecycle: fixture.state },
          { timestamp: daysAgo(fixture.age - 1.5) },
        ),
        fixture.isTest,
      );
    }
    if (fixture.closeCode) {
      await deliver(
        envelope(
          'case.closed',
          { reference: fixture.reference, closeCode: fixture.closeCode, comment: 'done' },
          { timestamp: daysAgo(fixture.age - 2) },
        ),
        fixture.isTest,
      );
    }
  }
  await deliver(
    envelope('payment.created', { reference: ORPHAN, paymentId: 'orphan-p0', amount: 12, currency: 'EUR' }),
  );
  await deliver(
    envelope('chat.created', {
      reference: 'LST-04',
      chatId: 'chat-lst-04',
      message: 'Any news?',
      dateCreated: daysAgo(1),
      user: { firstName: 'Ida', lastName: 'Creditor', email: 'ida@creditor.test' },
    }),
  );
  await waitForInboxDrained(database.pool);

  // Assignment is a manager's action inside Casedesk, not a webhook.
  for (const fixture of FIXTURES.filter((item) => item.assignee)) {
    await database.pool.query('UPDATE cases SET assignee_id = $1 WHERE reference = $2', [
      users[fixture.assignee!].id,
      fixture.reference,
    ]);
  }
  // LST-03 and LST-04 arrived 20 days ago; make the tie exact to the millisecond.
  await database.pool.query(
    "UPDATE cases SET assigned_at = (SELECT assigned_at FROM cases WHERE reference = 'LST-03') WHERE reference = 'LST-04'",
  );
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await db.$disconnect();
  await database?.drop();
});

type Item = {
  reference: string;
  state: string | null;
  closeCode: string | null;
  currency: string | null;
  outstandingMinor: number | null;
  isTest: boolean;
  unreadChatCount: number;
  assignee: { id: string } | null;
};

async function api(path: string, who: keyof typeof tokens | null = 'manager') {
  const response = await fetch(`${app.url}${path}`, { headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });
  return {
    status: response.status,
    body: (await response.json()) as {
      items: Item[];
      nextCursor: string | null;
      error?: { code: string; message: string };
    },
  };
}

async function list(params: string, who: keyof typeof tokens = 'manager'): Promise<Item[]> {
  const { status, body } = await api(`/api/v1/cases?${params}`, who);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.items;
}

const refs = (items: Item[]) => items.map((item) => item.reference);

/** Follows nextCursor page by page; fails on a repeated reference. */
async function walk(params: string, limit: number, who: keyof typeof tokens = 'manager'): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const { status, body } = await api(
      `/api/v1/cases?${params}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      who,
    );
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.items.length).toBeLessThanOrEqual(limit);
    seen.push(...refs(body.items));
    cursor = body.nextCursor;
    if (!cursor) break;
    expect(body.items).toHaveLength(limit);
  }
  expect(new Set(seen).size, `repeats in ${seen.join(',')}`).toBe(seen.length);
  return seen;
}

describe('who sees what', () => {
  it('answers 401 without a token and 403 when a collector asks for another collector', async () => {
    expect((await api('/api/v1/cases', null)).status).toBe(401);
    const forbidden = await api(`/api/v1/cases?assignee=${dora.id}`, 'carl');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error?.code).toBe('forbidden');
  });

  it('shows a collector their own and the unassigned live cases, a manager every live case', async () => {
    const all = await walk('sort=reference', 100);
    expect(all).toEqual([
      'LST-01',
      'LST-02',
      'LST-03',
      'LST-04',
      'LST-05',
      'LST-06',
      'LST-07',
      'LST-08',
      'LST-09',
      'LST-10',
      ORPHAN,
    ]);
    const carls = await walk('sort=reference', 100, 'carl');
    expect(carls).toEqual(['LST-01', 'LST-02', 'LST-04', 'LST-05', 'LST-07', 'LST-08', 'LST-09', 'LST-10', ORPHAN]);
    expect(refs(await list('assignee=me&sort=reference', 'carl'))).toEqual(['LST-01', 'LST-02', 'LST-08']);
    expect(refs(await list('assignee=unassigned&sort=reference', 'carl'))).toEqual([
      'LST-04',
      'LST-05',
      'LST-07',
      'LST-09',
      'LST-10',
      ORPHAN,
    ]);
    expect(refs(await list(`assignee=${dora.id}&sort=reference`))).toEqual(['LST-03', 'LST-06']);
  });

  it('keeps test cases apart: only with isTest=true, and then only test cases', async () => {
    expect(refs(await list('isTest=true&sort=reference'))).toEqual(['LST-T1', 'LST-T2']);
    expect(refs(await list('isTest=true&sort=reference', 'carl'))).toEqual(['LST-T1']);
    expect((await list('sort=reference&limit=100')).every((item) => !item.isTest)).toBe(true);
  });

  it('lets the case page query refuse a case assigned to someone else', async () => {
    await expect(getCaseDetail(carl, 'LST-03')).rejects.toMatchObject({ status: 403 });
    expect(await getCaseDetail(dora, 'LST-03')).toMatchObject({ reference: 'LST-03', state: 'Paused' });
    expect(await getCaseDetail(manager, 'NOPE')).toBeNull();
  });
});

describe('filters', () => {
  it('filters by state, close code (any spelling), phase and currency', async () => {
    expect(refs(await list('state=Paused&sort=reference'))).toEqual(['LST-03', 'LST-06']);
    expect(refs(await list('state=Closed&sort=reference'))).toEqual(['LST-05', 'LST-07']);
    expect(refs(await list('closeCode=DebtorUntraceable'))).toEqual(['LST-07']);
    expect(refs(await list('closeCode=Debtor%20untraceable'))).toEqual(['LST-07']);
    expect(refs(await list('phase=Legal&sort=reference'))).toEqual(['LST-07', 'LST-09', 'LST-10']);
    expect(refs(await list('currency=dkk&sort=reference'))).toEqual(['LST-02', 'LST-09']);
  });

  it('searches reference, creditor reference, debtor and creditor names, case-insensitively', async () => {
    expect(refs(await list('q=hansen&sort=reference'))).toEqual(['LST-01', 'LST-05']);
    expect(refs(await list('q=OSLO%20marine&sort=reference'))).toEqual(['LST-05', 'LST-06']);
    expect(refs(await list('q=inv-lst-07'))).toEqual(['LST-07']);
    expect(refs(await list('q=lst-1'))).toEqual(['LST-10']);
    // LIKE wildcards are literal text: "%" matches only the name that contains one.
    expect(refs(await list('q=%25'))).toEqual(['LST-09']);
    expect(refs(await list('q=_'))).toEqual([]);
  });

  it('finds cases with unread chat per reader, and clears them when the thread is read', async () => {
    expect(refs(await list('unread=true', 'carl'))).toEqual(['LST-04']);
    expect((await list('q=LST-04', 'carl'))[0].unreadChatCount).toBe(1);
    const thread = await fetch(`${app.url}/api/v1/cases/LST-04/chat`, {
      headers: { authorization: `Bearer ${tokens.carl}` },
    });
    expect(thread.status).toBe(200);
    expect(
      ((await thread.json()) as { messages: { isUnread: boolean }[] }).messages.map((message) => message.isUnread),
    ).toEqual([true]);
    expect(refs(await list('unread=true', 'carl'))).toEqual([]);
    expect((await list('q=LST-04', 'carl'))[0].unreadChatCount).toBe(0);
    // Another reader still has it unread.
    expect(refs(await list('unread=true', 'manager'))).toEqual(['LST-04']);
  });

  it('answers 400 for a bad parameter or cursor', async () => {
    for (const params of [
      'state=Sideways',
      'limit=0',
      'limit=101',
      'sort=debtor',
      'isTest=maybe',
      'currency=EURO',
      'cursor=not-a-cursor',
      `q=${'x'.repeat(101)}`,
    ]) {
      const { status, body } = await api(`/api/v1/cases?${params}`);
      expect(status, params).toBe(400);
      expect(body.error?.code, params).toBe('bad_request');
    }
    const { body } = await api('/api/v1/cases?sort=reference&limit=2');
    const wrongSort = await api(
      `/api/v1/cases?sort=outstanding&limit=2&cursor=${encodeURIComponent(body.nextCursor!)}`,
    );
    expect(wrongSort.status).toBe(400);
  });

  it('answers 400, never 500, for a cursor edited to hold a value the database would refuse', async () => {
    for (const [sort, value] of [
      ['assigned', '1'],
      ['activity', 'Nov 20 2026'],
      ['outstanding', '9'.repeat(20)],
      ['reference', 'LST-01\u0000'],
    ]) {
      const { body } = await api(`/api/v1/cases?sort=${sort}&limit=1`);
      const edited = editCursor(body.nextCursor!, 2, value);
      const { status } = await api(`/api/v1/cases?sort=${sort}&limit=1&cursor=${edited}`);
      expect(status, `${sort} ${value}`).toBe(400);
    }
  });
});

describe('keyset pages', () => {
  const ORDER: Record<string, string> = {
    assigned: 'assigned_at',
    activity: 'last_activity_at',
    outstanding: 'outstanding_minor',
    reference: 'reference',
  };

  for (const sort of Object.keys(ORDER)) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`walks every case once, in order, for sort=${sort} dir=${dir} (nulls last)`, async () => {
        // The oracle: one plain ORDER BY over the same rows, nulls last, id as tie-breaker.
        const column = ORDER[sort];
        const { rows } = await database.pool.query<{ reference: string }>(
          `SELECT reference FROM cases WHERE NOT is_test ORDER BY ${column} IS NULL, ${column} ${dir}, ${sort === 'reference' ? 'reference' : 'id'} ${dir}`,
        );
        const expected = rows.map((row) => row.reference);
        for (const limit of [1, 2, 4])
          expect(await walk(`sort=${sort}&dir=${dir}`, limit), `limit ${limit}`).toEqual(expected);
      });
    }
  }

  it('puts the case without assignment or amounts after all others', async () => {
    expect((await walk('sort=assigned', 3)).at(-1)).toBe(ORPHAN);
    expect((await walk('sort=outstanding&dir=asc', 3)).at(-1)).toBe(ORPHAN);
  });

  it('pages a collector\u2019s view with the same cursor rules', async () => {
    const { rows } = await database.pool.query<{ reference: string }>(
      'SELECT reference FROM cases WHERE NOT is_test AND (assignee_id = $1 OR assignee_id IS NULL) ORDER BY assigned_at IS NULL, assigned_at DESC, id DESC',
      [carl.id],
    );
    expect(await walk('sort=assigned', 2, 'carl')).toEqual(rows.map((row) => row.reference));
  });
});

describe('state tab counts', () => {
  const query = (params: string): CaseListQuery => {
    const parsed = parseCaseListQuery(new URLSearchParams(params));
    if (!parsed.ok) throw parsed.error;
    return parsed.query;
  };

  it('counts per state under the other filters and the viewer\u2019s role', async () => {
    expect(await countCasesByState(manager, query(''))).toEqual({
      total: 11,
      byState: { Active: 5, Paused: 2, Closed: 2, NeedsAdditionalDetails: 1, '': 1 },
      isCapped: false,
    });
    expect(await countCasesByState(carl, query(''))).toMatchObject({
      total: 9,
      byState: { Active: 5, Closed: 2, NeedsAdditionalDetails: 1, '': 1 },
    });
    expect(await countCasesByState(manager, query('currency=EUR&state=Closed'))).toEqual({
      total: 6,
      byState: { Active: 2, Paused: 2, Closed: 1, NeedsAdditionalDetails: 1 },
      isCapped: false,
    });
    expect(await countCasesByState(manager, query('isTest=true'))).toMatchObject({ total: 2, byState: { Active: 2 } });
    expect(await countCasesByState(manager, query('q=hansen'))).toMatchObject({ total: 2, isCapped: false });
    expect(COUNT_CAP).toBeGreaterThan(100);
  });
});
