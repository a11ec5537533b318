import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { startFakeApi, type FakeApi } from '@/lib/simulator/fake-api';
import { createUser } from '@/lib/users/users';
import { startApp, type AppServer } from '@/test/helpers/app-server';
import { createTestDatabase } from '@/test/helpers/database';
import { envelope, sendWebhookRetrying, TEST_WEBHOOK_SECRET, waitFor } from '@/test/helpers/webhooks';
import { fakeCaseDetail } from '@/test/helpers/fake-case';

/**
 * The JSON API for acting on cases, on a real `next start` against the fake Debitura, whose
 * webhooks come back signed to the app's own route: each action answers 202 once stored and
 * ends confirmed (or sent, for notes and fees); bad input answers 422 naming the field, what
 * the case's state forbids 409, another collector's case 403, and in each refusal nothing is
 * stored and nothing reaches Debitura.
 */

const API_KEY = 'fake-api-key-for-actions';
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fake: FakeApi;
let app: AppServer;
let tokens: { carl: string; dora: string };

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  fake = await startFakeApi({ apiKey: API_KEY });
  app = await startApp({
    databaseUrl: database.url,
    env: { DEBITURA_WEBHOOK_SECRETS: TEST_WEBHOOK_SECRET, DEBITURA_API_URL: fake.url, DEBITURA_API_KEY: API_KEY },
  });
  fake.actions.setWebhook({ url: `${app.url}/api/webhooks/debitura`, secret: TEST_WEBHOOK_SECRET });
  const carl = await createUser({ email: 'carl.act@agency.test', name: 'Carl Act', role: 'collector' });
  const dora = await createUser({ email: 'dora.act@agency.test', name: 'Dora Act', role: 'collector' });
  tokens = {
    carl: (await createApiToken({ userId: carl.id, name: 'test' })).token,
    dora: (await createApiToken({ userId: dora.id, name: 'test' })).token,
  };
}, 180_000);

afterAll(async () => {
  if (process.env.DEBUG_APP_OUTPUT) console.log(app?.output());
  await fake?.actions.flushWebhooks();
  await app?.stop();
  await fake?.close();
  await db.$disconnect();
  await database?.drop();
});

async function seedCase(lifecycle: string, grossMajor = 200, currency = 'EUR') {
  const reference = `ACT-${randomUUID().slice(0, 8).toUpperCase()}`;
  const caseId = randomUUID();
  const detail = fakeCaseDetail({ caseId, reference, lifecycle, grossMajor, currency });
  fake.register(detail);
  expect((await sendWebhookRetrying(app.url, envelope('case.assigned', { ...detail, caseId }))).status).toBe(200);
  await waitFor(() => db.case.findFirst({ where: { reference, state: lifecycle } }), 15_000, `case ${reference}`);
  return { reference, caseId };
}

type ActionBody = {
  action?: { id: string; kind: string; status: string; error?: string };
  error?: { code: string; message: string };
};

async function call(method: string, path: string, body?: unknown, token = tokens.carl) {
  const response = await fetch(`${app.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as ActionBody & Record<string, unknown> };
}

async function untilStatus(id: string, status: string, token = tokens.carl) {
  return waitFor(
    async () => {
      const { body } = await call('GET', `/actions/${id}`, undefined, token);
      return body.action?.status === status && body.action;
    },
    30_000,
    `action ${id} to be ${status}`,
  );
}

const stored = async () => (await database.pool.query('SELECT count(*)::int AS n FROM outbound_actions')).rows[0].n;

/** Sends each bad request and checks it changed nothing, here or at Debitura. */
type Refusal = [method: string, path: string, body: unknown, status: number, message?: RegExp];

async function expectRefused(cases: Refusal[], token = tokens.carl) {
  const [before, calls] = [await stored(), fake.actions.attempts()];
  for (const [method, path, body, status, message] of cases) {
    const result = await call(method, path, body, token);
    expect(result.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
    expect(result.body.error?.code).toBe(
      { 400: 'bad_request', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 422: 'invalid' }[status],
    );
    if (message) expect(result.body.error?.message).toMatch(message);
  }
  expect(await stored()).toBe(before);
  expect(fake.actions.attempts()).toBe(calls);
}

describe('a case worked from Casedesk, start to finish', () => {
  it('accepts, records a payment that settles it, closes it as Paid: each 202, then confirmed', async () => {
    const { reference } = await seedCase('PendingVerification', 125.5);
    const base = `/cases/${reference}`;
    await expectRefused([
      ['POST', `${base}/accept`, {}, 422, /welcomeMessage/],
      ['POST', `${base}/accept`, { welcomeMessage: 'x'.repeat(5_001) }, 422, /welcomeMessage/],
      ['POST', `${base}/accept`, { welcomeMessage: 'Hi', handlerEmail: 'nobody@agency.test' }, 422, /handlerEmail/],
      ['POST', `${base}/accept`, '{"welcomeMessage": ', 400],
      ['POST', `${base}/payments`, { date: '2026-11-20', amountMinor: 100, recipient: 'CollectionPartner' }, 409],
      ['POST', `/cases/NO-SUCH/accept`, { welcomeMessage: 'Hi' }, 404],
    ]);

    const accept = await call('POST', `${base}/accept`, {
      welcomeMessage: 'Welcome: we have your case and start today.',
      agencyReference: `AG-${reference}`,
    });
    expect(accept).toMatchObject({ status: 202, body: { action: { kind: 'accept', status: 'pending' } } });
    await untilStatus(accept.body.action!.id, 'confirmed');
    await expectRefused([['POST', `${base}/accept`, { welcomeMessage: 'Again' }, 409, /pending verification/]]);
    // The handler (the actor, unless another is named) is the case's assignee in Casedesk too.
    const accepted = await db.case.findUniqueOrThrow({ where: { reference }, select: { assignee: true } });
    expect(accepted.assignee?.email).toBe('carl.act@agency.test');

    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const payment = { date: today, amountMinor: 12_550, recipient: 'CollectionPartner' };
    await expectRefused([
      ['POST', `${base}/payments`, { ...payment, date: tomorrow }, 422, /future/],
      ['POST', `${base}/payments`, { ...payment, date: '2026-02-30' }, 422, /date/],
      ['POST', `${base}/payments`, { ...payment, amountMinor: 0 }, 422, /amountMinor/],
      ['POST', `${base}/payments`, { ...payment, amountMinor: 125.5 }, 422, /amountMinor/],
      ['POST', `${base}/payments`, { ...payment, recipient: 'Debtor' }, 422, /recipient/],
      ['POST', `${base}/payments`, { ...payment, recipient: 'Creditor' }, 422, /commissionStatus/],
      ['POST', `${base}/payments`, { ...payment, amountMinor: 12_549, closeCase: true }, 409, /settle/],
      ['POST', `${base}/close`, { closeCode: 'Paid' }, 409, /Paid needs/],
      ['POST', `${base}/close`, { closeCode: 'Other' }, 422, /comment/],
      ['POST', `${base}/close`, { closeCode: 'CaseNeverStarted' }, 422, /closeCode/],
    ]);

    const paid = await call('POST', `${base}/payments`, payment);
    expect(paid.status).toBe(202);
    // Sent but not yet confirmed payments already count for closing as Paid.
    const closed = await call('POST', `${base}/close`, { closeCode: 'Paid', comment: 'Paid in full' });
    expect(closed.status).toBe(202);
    await untilStatus(paid.body.action!.id, 'confirmed');
    await untilStatus(closed.body.action!.id, 'confirmed');

    const { body: detail } = await call('GET', base);
    expect(detail).toMatchObject({ state: 'Closed', closeCode: 'Paid', paidMinor: 12_550 });
    expect(
      (detail.actions as { kind: string; status: string }[]).map((action) => [action.kind, action.status]),
    ).toEqual([
      ['close', 'confirmed'],
      ['payment_create', 'confirmed'],
      ['accept', 'confirmed'],
    ]);
    const debituraId = String(detail.debituraCaseId).toLowerCase();
    expect(fake.actions.calls.filter((c) => c.caseId === debituraId).map((c) => c.kind)).toEqual([
      'accept',
      'payment_create',
      'close',
    ]);
    await expectRefused([['POST', `${base}/payments`, payment, 409, /Closed/]]);
  });
});

describe('notes and fees', () => {
  it('sends a progress note and new fees (both end sent: no webhook confirms them)', async () => {
    const { reference } = await seedCase('Active');
    const base = `/cases/${reference}`;
    await expectRefused([
      ['POST', `${base}/notes`, { text: '' }, 422, /text/],
      ['POST', `${base}/notes`, { text: 'x'.repeat(10_001) }, 422, /text/],
      ['POST', `${base}/notes`, { text: 'Later', eventDate: '2999-01-01' }, 422, /future/],
      ['PUT', `${base}/fees`, { interestFeesMinor: -1, reminderFeesMinor: 0, collectionFeesMinor: 0 }, 422, /interest/],
    ]);
    const note = await call('POST', `${base}/notes`, { text: 'Called the debtor; payment promised for Friday.' });
    expect(note.status).toBe(202);
    const fees = await call('PUT', `${base}/fees`, {
      interestFeesMinor: 150,
      reminderFeesMinor: 500,
      collectionFeesMinor: 0,
    });
    expect(fees.status).toBe(202);
    await untilStatus(note.body.action!.id, 'sent');
    await untilStatus(fees.body.action!.id, 'sent');
    const debituraId = (await caseId(reference)).toLowerCase();
    const sentFees = fake.actions.calls.find((c) => c.kind === 'fees' && c.caseId === debituraId);
    expect(sentFees?.body).toEqual({ interestFees: 1.5, reminderFees: 5, collectionFees: 0 });
  });
});

describe('accepting with another handler and opening fees', () => {
  it('assigns the case to the handler here and sends handler and fees to Debitura', async () => {
    const { reference, caseId: debituraId } = await seedCase('PendingVerification', 80);
    const accept = await call('POST', `/cases/${reference}/accept`, {
      welcomeMessage: 'Welcome.',
      handlerEmail: 'Dora.Act@agency.test',
      reminderFeesMinor: 500,
    });
    expect(accept.status).toBe(202);
    // The case is Dora's now: Carl no longer sees it, Dora does.
    await untilStatus(accept.body.action!.id, 'confirmed', tokens.dora);
    expect((await call('GET', `/actions/${accept.body.action!.id}`)).status).toBe(403);
    const found = await db.case.findUniqueOrThrow({ where: { reference }, select: { assignee: true } });
    expect(found.assignee?.email).toBe('dora.act@agency.test');
    const start = fake.actions.calls.find((c) => c.kind === 'accept' && c.caseId === debituraId.toLowerCase());
    expect(start?.body).toMatchObject({
      userEmail: 'carl.act@agency.test',
      assignedUserEmail: 'dora.act@agency.test',
      interestFees: 0,
      reminderFees: 5,
      collectionFees: 0,
    });
  });
});

describe('who may act', () => {
  it('refuses a collector on a case assigned to someone else (403), and a 4xx from Debitura ends failed with its message', async () => {
    const { reference } = await seedCase('Active');
    const dora = await db.user.findUniqueOrThrow({ where: { email: 'dora.act@agency.test' } });
    await database.pool.query('UPDATE cases SET assignee_id = $1 WHERE reference = $2', [dora.id, reference]);
    await expectRefused([
      ['POST', `/cases/${reference}/notes`, { text: 'Not mine' }, 403],
      ['POST', `/cases/${reference}/close`, { closeCode: 'DebtorUntraceable' }, 403],
    ]);
    // Debitura refuses what Casedesk could not know about: its message is kept for the user.
    fake.actions.requirePriceChangeConfirmation(await caseId(reference));
    const fees = await call(
      'PUT',
      `/cases/${reference}/fees`,
      { interestFeesMinor: 0, reminderFeesMinor: 0, collectionFeesMinor: 900 },
      tokens.dora,
    );
    expect(fees.status).toBe(202);
    // Carl cannot even read the action on Dora's case.
    expect((await call('GET', `/actions/${fees.body.action!.id}`)).status).toBe(403);
    const failed = await untilStatus(fees.body.action!.id, 'failed', tokens.dora);
    expect(failed).toMatchObject({
      errorCode: 'needs_confirmation',
      error: expect.stringMatching(/confirmPriceChange/),
    });
  });
});

async function caseId(reference: string) {
  return (await db.case.findUniqueOrThrow({ where: { reference } })).debituraCaseId!;
}
