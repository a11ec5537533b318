import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/auth/tokens';
import { agencyCalendar, addDays, nextBusinessDay } from '@/lib/deadlines/calendar';
import { agencyToday, businessDeadline } from '@/lib/deadlines/business-time';
import { startOfLocalDay, toZonedIso } from '@/lib/deadlines/zoned-time';
import { db } from '@/lib/db';
import type { InvoiceDto } from '@/lib/simulator/dto';
import { startFakeApi, type FakeApi } from '@/lib/simulator/fake-api';
import { createUser } from '@/lib/users/users';
import { getQueue } from '@/lib/work/queue';
import { startApp, type AppServer } from '@/test/helpers/app-server';
import { createTestDatabase } from '@/test/helpers/database';
import {
  envelope,
  sendWebhookRetrying,
  TEST_WEBHOOK_SECRET,
  type Envelope,
  waitFor,
  waitForInboxDrained,
} from '@/test/helpers/webhooks';

/**
 * The work queue over `GET /api/v1/queue` on a real `next start`, with cases brought in by
 * signed webhooks: each kind of item appears when its rule says and disappears when the work
 * is done (an answer, an acceptance, a follow-up marked done, payments meeting a promise, a
 * cancellation), deadlines on the agency calendar (Denmark, Copenhagen). Plus the write API
 * (follow-ups, promises, internal notes) with its 422s, and who sees whose queue.
 */

const calendar = { country: 'DK', timeZone: 'Europe/Copenhagen' };
const DAY = 86_400_000;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fakeApi: FakeApi;
let app: AppServer;
let tokens: { carl: string; dora: string; mona: string };
let people: { carl: string; dora: string; mona: string };

type Item = {
  kind: string;
  reference: string;
  dueAt: string;
  overdue: boolean;
  title: string;
  itemId: string | null;
  creditPercent: number | null;
};

const deliver = async (body: Envelope) => expect((await sendWebhookRetrying(app.url, body)).status).toBe(200);
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

async function api(path: string, token: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${app.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function queue(token = tokens.carl, user?: string): Promise<Item[]> {
  const response = await api(`/api/v1/queue${user ? `?user=${encodeURIComponent(user)}` : ''}`, token);
  expect(response.status).toBe(200);
  return response.body.items as Item[];
}

const itemsOf = (items: Item[], reference: string, kind?: string) =>
  items.filter((item) => item.reference === reference && (!kind || item.kind === kind));

async function assignCase(reference: string, lifecycle: string, at: string, assignee: string | null = people.carl) {
  await deliver(
    envelope(
      'case.assigned',
      {
        reference,
        caseId: randomUUID(),
        lifecycle,
        currency: 'EUR',
        grossAmount: 1000,
        assignedAt: at,
        debtor: { name: `Debtor ${reference}` },
        creditor: { companyName: 'Creditor A/S' },
      },
      { timestamp: at },
    ),
  );
  await waitForInboxDrained(database.pool);
  await database.pool.query('UPDATE cases SET assignee_id = $1 WHERE reference = $2', [assignee, reference]);
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.CASEDESK_COUNTRY = calendar.country;
  process.env.CASEDESK_TIMEZONE = calendar.timeZone;
  fakeApi = await startFakeApi({ apiKey: 'queue-test-key' });
  app = await startApp({
    databaseUrl: database.url,
    env: {
      DEBITURA_WEBHOOK_SECRETS: TEST_WEBHOOK_SECRET,
      DEBITURA_API_URL: fakeApi.url,
      DEBITURA_API_KEY: 'queue-test-key',
      CASEDESK_COUNTRY: calendar.country,
      CASEDESK_TIMEZONE: calendar.timeZone,
    },
  });
  const carl = await createUser({ email: 'carl@agency.test', name: 'Carl Collector', role: 'collector' });
  const dora = await createUser({ email: 'dora@agency.test', name: 'Dora Collector', role: 'collector' });
  const mona = await createUser({ email: 'mona@agency.test', name: 'Mona Manager', role: 'manager' });
  people = { carl: carl.id, dora: dora.id, mona: mona.id };
  tokens = {
    carl: (await createApiToken({ userId: carl.id, name: 'test' })).token,
    dora: (await createApiToken({ userId: dora.id, name: 'test' })).token,
    mona: (await createApiToken({ userId: mona.id, name: 'test' })).token,
  };
}, 180_000);

afterAll(async () => {
  if (process.env.DEBUG_APP_OUTPUT) console.log(app?.output());
  await app?.stop();
  await fakeApi?.close();
  await db.$disconnect();
  await database?.drop();
});

describe('queue items appear and disappear', () => {
  it('accept_case: a new case is due one business day after assignment, gone once Active', async () => {
    const assignedAt = iso(60_000);
    await assignCase('Q-NEW', 'PendingVerification', assignedAt);
    const [item] = itemsOf(await queue(), 'Q-NEW', 'accept_case');
    expect(item).toBeDefined();
    expect(item.dueAt).toBe(toZonedIso(businessDeadline(new Date(assignedAt), 1, calendar), calendar.timeZone));
    expect(item.overdue).toBe(false);

    await deliver(
      envelope('case.updated', { reference: 'Q-NEW', oldLifecycle: 'PendingVerification', newLifecycle: 'Active' }),
    );
    await waitForInboxDrained(database.pool);
    expect(itemsOf(await queue(), 'Q-NEW', 'accept_case')).toEqual([]);
  });

  it('chat_reply: an unanswered creditor message is due 2 business days later; a reply clears it', async () => {
    await assignCase('Q-CHAT', 'Active', iso(2 * DAY));
    const sentAt = iso(5 * DAY);
    await deliver(
      envelope('chat.created', {
        reference: 'Q-CHAT',
        chatId: 'chat-q-1',
        message: 'Has the debtor paid?',
        dateCreated: sentAt,
        roleLabel: 'Creditor',
        user: { firstName: 'Ida', lastName: 'Creditor', email: 'ida@creditor.test' },
      }),
    );
    await waitForInboxDrained(database.pool);
    const [item] = itemsOf(await queue(), 'Q-CHAT', 'chat_reply');
    expect(item.dueAt).toBe(toZonedIso(businessDeadline(new Date(sentAt), 2, calendar), calendar.timeZone));
    // Five calendar days ago is at least 2 business days ago whatever today is: overdue.
    expect(item.overdue).toBe(true);

    const reply = await api('/api/v1/cases/Q-CHAT/chat', tokens.carl, {
      method: 'POST',
      body: { message: 'Not yet.' },
    });
    expect(reply.status).toBe(202);
    expect(itemsOf(await queue(), 'Q-CHAT', 'chat_reply')).toEqual([]);

    // A new message after the answer opens a new item.
    await deliver(
      envelope('chat.created', {
        reference: 'Q-CHAT',
        chatId: 'chat-q-2',
        message: 'And now?',
        dateCreated: new Date(Date.now() + 1000).toISOString(),
        roleLabel: 'Debitura',
      }),
    );
    await waitForInboxDrained(database.pool);
    expect(itemsOf(await queue(), 'Q-CHAT', 'chat_reply')).toHaveLength(1);
  });

  it('monthly_update and exclusive_period_ending: an Active case with no progress note for a month', async () => {
    await assignCase('Q-OLD', 'Active', iso(170 * DAY));
    const items = itemsOf(await queue(), 'Q-OLD');
    const monthly = items.find((item) => item.kind === 'monthly_update')!;
    expect(monthly.overdue).toBe(true);
    // Months late: no credit left.
    expect(monthly.creditPercent).toBe(0);
    const exclusive = items.find((item) => item.kind === 'exclusive_period_ending')!;
    expect(exclusive.overdue).toBe(false);
    expect(Date.parse(exclusive.dueAt) - Date.now()).toBeLessThan(30 * DAY);

    // A case active for a week has neither.
    await assignCase('Q-FRESH', 'Active', iso(7 * DAY));
    expect(itemsOf(await queue(), 'Q-FRESH')).toEqual([]);
  });

  it('monthly_update: a progress note sent to Debitura clears it; one not yet sent does not', async () => {
    // A case Debitura knows (the fake API), so the outbox can send the note.
    const caseId = randomUUID();
    const assignedAt = iso(60 * DAY);
    fakeApi.register({
      id: caseId,
      reference: 'Q-NOTE',
      lifecycle: 'Active',
      currency: 'EUR',
      grossAmount: 500,
      remainder: 500,
      debtor: { name: 'Debtor Q-NOTE' },
      creditor: { companyName: 'Creditor A/S' },
    } as unknown as InvoiceDto);
    await deliver(
      envelope(
        'case.assigned',
        {
          reference: 'Q-NOTE',
          caseId,
          lifecycle: 'Active',
          currency: 'EUR',
          grossAmount: 500,
          assignedAt,
          debtor: { name: 'Debtor Q-NOTE' },
        },
        { timestamp: assignedAt },
      ),
    );
    await waitForInboxDrained(database.pool);
    await database.pool.query('UPDATE cases SET assignee_id = $1 WHERE reference = $2', [people.carl, 'Q-NOTE']);
    expect(itemsOf(await queue(), 'Q-NOTE', 'monthly_update')).toHaveLength(1);

    // A note the outbox has not sent (a failed one) is not a progress update Debitura has seen.
    await database.pool.query(
      `INSERT INTO outbound_actions (id, case_id, kind, status, payload, idempotency_key)
       SELECT gen_random_uuid(), id, 'progress_note', 'failed', '{"text": "x"}', 'q-note-failed' FROM cases
       WHERE reference = 'Q-NOTE'`,
    );
    expect(itemsOf(await queue(), 'Q-NOTE', 'monthly_update')).toHaveLength(1);

    const note = await api('/api/v1/cases/Q-NOTE/notes', tokens.carl, {
      method: 'POST',
      body: { text: 'Spoke to the debtor; instalments agreed.' },
    });
    expect(note.status).toBe(202);
    const actionId = (note.body.action as { id: string }).id;
    await waitFor(
      async () => {
        const { rows } = await database.pool.query('SELECT status FROM outbound_actions WHERE id = $1', [actionId]);
        return ['sent', 'confirmed'].includes(rows[0]?.status);
      },
      30_000,
      'the progress note to be sent',
    );
    expect(itemsOf(await queue(), 'Q-NOTE', 'monthly_update')).toEqual([]);
  });

  it('follow_up: due at the end of its day, gone once done; a date in the past is refused', async () => {
    await assignCase('Q-FOLLOW', 'Active', iso(DAY));
    const today = agencyToday(new Date(), calendar);
    const added = await api('/api/v1/cases/Q-FOLLOW/follow-ups', tokens.carl, {
      method: 'POST',
      body: { dueDate: today, note: 'Call the debtor back' },
    });
    expect(added.status).toBe(201);
    const [item] = itemsOf(await queue(), 'Q-FOLLOW', 'follow_up');
    expect(item.itemId).toBe(added.body.id);
    expect(item.dueAt).toMatch(new RegExp(`^${today}T23:59:59\\.999\\+0[12]:00$`));
    expect(item.title).toBe('Follow up: Call the debtor back');

    const done = await api(`/api/v1/cases/Q-FOLLOW/follow-ups/${added.body.id}`, tokens.carl, {
      method: 'PATCH',
      body: { done: true },
    });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('done');
    expect(itemsOf(await queue(), 'Q-FOLLOW')).toEqual([]);

    const before = await database.pool.query('SELECT count(*)::int AS n FROM follow_ups');
    for (const body of [
      { dueDate: addDays(today, -1), note: 'Too late' },
      { dueDate: '2026-02-30', note: 'Not a day' },
      { dueDate: 'tomorrow', note: 'Not a date' },
      { dueDate: today, note: '   ' },
    ]) {
      const refused = await api('/api/v1/cases/Q-FOLLOW/follow-ups', tokens.carl, { method: 'POST', body });
      expect(refused.status, JSON.stringify(body)).toBe(422);
    }
    expect((await database.pool.query('SELECT count(*)::int AS n FROM follow_ups')).rows[0].n).toBe(before.rows[0].n);

    const timeline = await database.pool.query(
      "SELECT e.type FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.reference = 'Q-FOLLOW' AND e.type LIKE 'follow_up.%' ORDER BY e.at",
    );
    expect(timeline.rows.map((row) => row.type)).toEqual(['follow_up.added', 'follow_up.done']);
    const audit = await database.pool.query("SELECT action FROM audit_log WHERE target_id = 'Q-FOLLOW' ORDER BY id");
    expect(audit.rows.map((row) => row.action)).toEqual(['follow_up.added', 'follow_up.done']);
  });

  it('promises: payments reaching the amount mark a promise kept', async () => {
    await assignCase('Q-PROMISE', 'Active', iso(DAY));
    const today = agencyToday(new Date(), calendar);
    const added = await api('/api/v1/cases/Q-PROMISE/promises', tokens.carl, {
      method: 'POST',
      body: { amountMinor: 50_000, dueDate: addDays(today, 10) },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ status: 'open', currency: 'EUR', promisedOn: today, paidMinor: 0 });

    const pay = (id: string, amount: number) =>
      deliver(
        envelope('payment.created', { reference: 'Q-PROMISE', paymentId: id, amount, currency: 'EUR', date: iso(0) }),
      );
    await pay('q-p1', 200);
    await waitForInboxDrained(database.pool);
    let detail = await api('/api/v1/cases/Q-PROMISE', tokens.carl);
    expect(detail.body.promises).toMatchObject([{ status: 'open', paidMinor: 20_000 }]);
    expect(detail.body.followUps).toEqual([]);

    await pay('q-p2', 300);
    await waitForInboxDrained(database.pool);
    detail = await api('/api/v1/cases/Q-PROMISE', tokens.carl);
    expect(detail.body.promises).toMatchObject([{ status: 'kept', paidMinor: 50_000 }]);

    // A kept promise cannot be cancelled.
    const cancel = await api(`/api/v1/cases/Q-PROMISE/promises/${added.body.id}`, tokens.carl, {
      method: 'PATCH',
      body: { cancelled: true },
    });
    expect(cancel.status).toBe(422);
  });

  it('promise_broken: a promise recorded late and unmet is broken; cancelling it clears the item', async () => {
    await assignCase('Q-BROKEN', 'Active', iso(30 * DAY));
    const dueDate = addDays(agencyToday(new Date(), calendar), -10);
    const added = await api('/api/v1/cases/Q-BROKEN/promises', tokens.carl, {
      method: 'POST',
      body: { amountMinor: 10_000, dueDate, promisedOn: addDays(dueDate, -5) },
    });
    expect(added.status).toBe(201);
    expect(added.body.status).toBe('broken');
    const [item] = itemsOf(await queue(), 'Q-BROKEN', 'promise_broken');
    expect(item.itemId).toBe(added.body.id);
    expect(item.dueAt.slice(0, 10)).toBe(nextBusinessDay(dueDate, 'DK'));

    await api(`/api/v1/cases/Q-BROKEN/promises/${added.body.id}`, tokens.carl, {
      method: 'PATCH',
      body: { cancelled: true },
    });
    expect(itemsOf(await queue(), 'Q-BROKEN', 'promise_broken')).toEqual([]);
  });

  it('promise_broken: an unmet promise turns broken at the start of the next business day', async () => {
    await assignCase('Q-DUE', 'Active', iso(DAY));
    const today = agencyToday(new Date(), calendar);
    // A due date some days ahead that is a Friday, so the next business day is after a weekend.
    let dueDate = addDays(today, 3);
    while (new Date(`${dueDate}T00:00:00Z`).getUTCDay() !== 5) dueDate = addDays(dueDate, 1);
    const added = await api('/api/v1/cases/Q-DUE/promises', tokens.carl, {
      method: 'POST',
      body: { amountMinor: 10_000, dueDate },
    });
    expect(added.body.status).toBe('open');

    const subject = { id: people.carl, role: 'collector' };
    const brokenFrom = startOfLocalDay(nextBusinessDay(dueDate, 'DK'), calendar.timeZone);
    const at = (ms: number) => new Date(brokenFrom.getTime() + ms);
    const has = async (now: Date) =>
      (await getQueue(subject, { now, limit: 5_000 })).items.some(
        (item) => item.reference === 'Q-DUE' && item.kind === 'promise_broken',
      );
    expect(await has(startOfLocalDay(addDays(dueDate, 1), calendar.timeZone))).toBe(false); // Saturday
    expect(await has(at(-1))).toBe(false);
    expect(await has(at(0))).toBe(true);
    expect(await has(at(DAY))).toBe(true);
  });
});

describe('the API', () => {
  it('answers soonest first, with every field', async () => {
    const items = await queue();
    expect(items.length).toBeGreaterThan(3);
    const times = items.map((item) => Date.parse(item.dueAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const item of items) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(['kind', 'reference', 'dueAt', 'overdue', 'title']));
      expect(item.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
    }
  });

  it("shows collectors their own and unassigned cases, managers anyone's queue", async () => {
    await assignCase('Q-DORA', 'PendingVerification', iso(0), people.dora);
    await assignCase('Q-NOBODY', 'PendingVerification', iso(0), null);
    const carl = await queue(tokens.carl);
    expect(itemsOf(carl, 'Q-DORA')).toEqual([]);
    expect(itemsOf(carl, 'Q-NOBODY')).toHaveLength(1);
    const dora = await queue(tokens.dora);
    expect(itemsOf(dora, 'Q-DORA')).toHaveLength(1);
    expect(itemsOf(dora, 'Q-CHAT')).toEqual([]);

    expect(itemsOf(await queue(tokens.mona, 'dora@agency.test'), 'Q-DORA')).toHaveLength(1);
    expect(itemsOf(await queue(tokens.mona, 'carl@agency.test'), 'Q-DORA')).toEqual([]);
    const team = await queue(tokens.mona);
    expect(itemsOf(team, 'Q-DORA')).toHaveLength(1);
    expect(itemsOf(team, 'Q-CHAT')).toHaveLength(1);

    expect((await api('/api/v1/queue?user=dora%40agency.test', tokens.carl)).status).toBe(403);
    expect((await api('/api/v1/queue?user=nobody%40agency.test', tokens.mona)).status).toBe(404);
    const unauthenticated = await fetch(`${app.url}/api/v1/queue`);
    expect(unauthenticated.status).toBe(401);
  });

  it('refuses bad promises with 422 and stores nothing', async () => {
    const today = agencyToday(new Date(), calendar);
    const before = (await database.pool.query('SELECT count(*)::int AS n FROM payment_promises')).rows[0].n;
    for (const body of [
      { amountMinor: 0, dueDate: today },
      { amountMinor: -5, dueDate: today },
      { amountMinor: 12.5, dueDate: today },
      { amountMinor: '100', dueDate: today },
      { amountMinor: 100, dueDate: '2026-13-01' },
      { amountMinor: 100 },
      { amountMinor: 100, dueDate: today, promisedOn: addDays(today, 1) },
    ]) {
      const refused = await api('/api/v1/cases/Q-PROMISE/promises', tokens.carl, { method: 'POST', body });
      expect(refused.status, JSON.stringify(body)).toBe(422);
    }
    expect((await database.pool.query('SELECT count(*)::int AS n FROM payment_promises')).rows[0].n).toBe(before);
    // Another collector's case: 403; unknown case: 404.
    const dueDate = addDays(today, 1);
    expect(
      (await api('/api/v1/cases/Q-DORA/promises', tokens.carl, { method: 'POST', body: { amountMinor: 1, dueDate } }))
        .status,
    ).toBe(403);
    expect(
      (await api('/api/v1/cases/NOPE/follow-ups', tokens.carl, { method: 'POST', body: { dueDate, note: 'x' } }))
        .status,
    ).toBe(404);
  });

  it('stores internal notes in the timeline, never as a progress note', async () => {
    const note = await api('/api/v1/cases/Q-CHAT/notes', tokens.carl, {
      method: 'POST',
      body: { text: 'Debtor sounded cooperative', internal: true },
    });
    expect(note.status).toBe(201);
    const detail = await api('/api/v1/cases/Q-CHAT', tokens.carl);
    const timeline = detail.body.timeline as { type: string; detail: { text?: string } }[];
    expect(timeline.filter((entry) => entry.type === 'note.internal').map((entry) => entry.detail.text)).toEqual([
      'Debtor sounded cooperative',
    ]);
    // Without `internal` the note is a progress note for Debitura: stored in the outbox, not the timeline.
    const progress = await api('/api/v1/cases/Q-CHAT/notes', tokens.carl, {
      method: 'POST',
      body: { text: 'To Debitura' },
    });
    expect(progress.status).toBe(202);
    expect(progress.body.action).toMatchObject({ kind: 'progress_note', status: 'pending' });
    const after = (await api('/api/v1/cases/Q-CHAT', tokens.carl)).body.timeline as { type: string }[];
    expect(after.filter((entry) => entry.type === 'note.internal')).toHaveLength(1);
    const blank = await api('/api/v1/cases/Q-CHAT/notes', tokens.carl, {
      method: 'POST',
      body: { text: ' ', internal: true },
    });
    expect(blank.status).toBe(422);
  });

  it('counts what is due today', async () => {
    const now = new Date();
    const result = await getQueue({ id: people.carl, role: 'collector' }, { now, limit: 5_000 });
    const endOfToday = startOfLocalDay(addDays(agencyToday(now, calendar), 1), calendar.timeZone).getTime();
    expect(result.dueTodayCount).toBe(result.items.filter((item) => Date.parse(item.dueAt) < endOfToday).length);
    expect(result.overdueCount).toBe(result.items.filter((item) => item.overdue).length);
    expect(agencyCalendar()).toEqual(calendar);
  });
});
