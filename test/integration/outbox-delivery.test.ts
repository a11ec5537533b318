import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { ActionKind, ActionPayloads } from '@/lib/outbox/kinds';
import { uploadDocument } from '@/lib/case-actions/documents';
import { resendAction } from '@/lib/case-actions/resend';
import { sendDueActions } from '@/lib/outbox/sender';
import { storeAction } from '@/lib/outbox/store';
import { createUser } from '@/lib/users/users';
import { startOutboxTestbed, type OutboxTestbed } from '@/test/helpers/outbox';
import { waitFor } from '@/test/helpers/webhooks';

/**
 * The outbox against the simulator's fake Debitura, with the sender run in-process (and once
 * in a worker process killed with SIGKILL): each kind of action takes effect on Debitura exactly
 * once across 503s, 429s, timeouts, answers lost after the call took effect, and a crash
 * mid-call; 4xx answers are not retried and keep Debitura's message; the webhooks Debitura
 * sends back confirm what they confirm. "Exactly once" is counted on the fake's side: the
 * calls that took effect there.
 */

const API_KEY = 'outbox-test-key';
let bed: OutboxTestbed;
let database: OutboxTestbed['database'];
let fake: OutboxTestbed['fake'];
let actor: { id: string; email: string };

beforeAll(async () => {
  bed = await startOutboxTestbed(API_KEY);
  ({ database, fake } = bed);
  const user = await createUser({ email: 'olga.outbox@agency.test', name: 'Olga Outbox', role: 'collector' });
  actor = { id: user.id, email: user.email };
}, 120_000);

afterAll(() => bed?.close());

/** A case on both sides: registered with the fake Debitura, assigned to Casedesk by a signed webhook. */
const seedCase = (lifecycle: string, grossMajor = 100, currency = 'EUR') =>
  bed.seedCase({ prefix: 'OUT-', lifecycle, grossMajor, currency });

async function store<K extends ActionKind>(caseRowId: string, kind: K, payload: ActionPayloads[K]) {
  return db.$transaction((tx) => storeAction(tx, { caseId: caseRowId, kind, payload, actor }));
}

const action = (id: string) => db.outboundAction.findUniqueOrThrow({ where: { id } });

/**
 * Runs sender passes until the action leaves `pending`, moving its next attempt to now after
 * each pass (the backoff is the sender's business; the test is about what reaches Debitura).
 */
async function drive(id: string, timeoutMs = 30_000) {
  return waitFor(
    async () => {
      await sendDueActions();
      const row = await action(id);
      if (row.status !== 'pending') return row;
      await database.pool.query(
        "UPDATE outbound_actions SET next_attempt_at = now() WHERE id = $1 AND status = 'pending' AND next_attempt_at < now() + interval '1 hour'",
        [id],
      );
      return null;
    },
    timeoutMs,
    `action ${id} to leave pending`,
  );
}

const effective = (kind: string, caseId: string) =>
  fake.actions.calls.filter((call) => call.kind === kind && call.caseId === caseId.toLowerCase());

/** Sender passes (which also confirm what webhooks confirmed, as the background job does) until `status`. */
const waitForStatus = (id: string, status: string) =>
  waitFor(
    async () => {
      await sendDueActions();
      return (await action(id)).status === status && action(id);
    },
    15_000,
    `action ${id} ${status}`,
  );

describe('a payment', () => {
  it('reaches Debitura once across a 503, a 429 and a lost answer, then payment.created confirms it', async () => {
    const seeded = await seedCase('Active');
    fake.actions.setFaults({ unavailable: 1, rateLimited: 1, lostAnswers: 1 });
    const stored = await store(seeded.id, 'payment_create', {
      date: '2026-11-20',
      amountMinor: '4250',
      currency: 'EUR',
      recipient: 'CollectionPartner',
    });
    expect(stored).toMatchObject({ status: 'pending', kind: 'payment_create' });

    const sent = await drive(stored.id);
    expect(sent.status === 'sent' || sent.status === 'confirmed').toBe(true);
    expect(sent.attempts).toBe(4);
    const calls = effective('payment_create', seeded.caseId);
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toEqual({ date: '2026-11-20', paymentAmount: 42.5, paymentRecipient: 'CollectionPartner' });
    expect(sent.debituraPaymentId).toBe((calls[0].answer as { paymentId: string }).paymentId);

    await waitForStatus(stored.id, 'confirmed');
    const payment = await db.payment.findFirstOrThrow({
      where: { caseId: seeded.id, debituraPaymentId: sent.debituraPaymentId! },
    });
    expect(payment).toMatchObject({ amountMinor: 4250n, currency: 'EUR', caseId: seeded.id });
  });
});

describe('a close (no idempotency key)', () => {
  it('after a lost answer reads the case back and counts "already closed with this code" as done', async () => {
    const seeded = await seedCase('Active');
    fake.actions.setFaults({ lostAnswers: 1 });
    const stored = await store(seeded.id, 'close', { closeCode: 'DebtorUntraceable', comment: 'Moved abroad' });
    const sent = await drive(stored.id);
    expect(sent).toMatchObject({ status: expect.stringMatching(/sent|confirmed/), attempts: 2 });
    expect(sent.response).toMatchObject({ recoveredAfterAmbiguousAttempt: true, closeCode: 'DebtorUntraceable' });
    expect(effective('close', seeded.caseId)).toHaveLength(1);
    await waitForStatus(stored.id, 'confirmed');
    expect(await db.case.findUniqueOrThrow({ where: { id: seeded.id } })).toMatchObject({
      state: 'Closed',
      closeCode: 'DebtorUntraceable',
    });
  });

  it("is refused (4xx) without a retry, keeping Debitura's message: Paid with nothing paid", async () => {
    const seeded = await seedCase('Active');
    const stored = await store(seeded.id, 'close', { closeCode: 'Paid' });
    const failed = await drive(stored.id);
    expect(failed).toMatchObject({
      status: 'failed',
      errorCode: 'refused',
      attempts: 1,
      lastError: 'Paid needs payments that cover the outstanding amount.',
    });
    expect(effective('close', seeded.caseId)).toHaveLength(0);
  });
});

describe('an accept (no idempotency key)', () => {
  it('after a timeout with no effect, sends again once; case.updated to Active confirms it', async () => {
    const seeded = await seedCase('PendingVerification');
    fake.actions.setFaults({ timeouts: 1 });
    const stored = await store(seeded.id, 'accept', {
      welcomeMessage: 'Welcome, we take it from here.',
      userEmail: actor.email,
    });
    const sent = await drive(stored.id);
    expect(sent.attempts).toBe(2);
    expect(sent.lastError).toBeNull();
    expect(effective('accept', seeded.caseId)).toHaveLength(1);
    await waitForStatus(stored.id, 'confirmed');
  });

  it('after an answer lost once the start took effect, does not start it twice', async () => {
    const seeded = await seedCase('PendingVerification');
    fake.actions.setFaults({ lostAnswers: 1 });
    const stored = await store(seeded.id, 'accept', { welcomeMessage: 'Welcome aboard.', userEmail: actor.email });
    const sent = await drive(stored.id);
    expect(sent.response).toMatchObject({ recoveredAfterAmbiguousAttempt: true, lifecycle: 'Active' });
    expect(effective('accept', seeded.caseId)).toHaveLength(1);
    await waitForStatus(stored.id, 'confirmed');
  });
});

describe('a progress note (no idempotency key)', () => {
  it('after a lost answer finds the note in the timeline and ends sent (no webhook confirms notes)', async () => {
    const seeded = await seedCase('Active');
    fake.actions.setFaults({ unavailable: 1, lostAnswers: 1 });
    const text = `Called the debtor, promised to pay on Friday ${randomUUID()}`;
    const stored = await store(seeded.id, 'progress_note', { text });
    const sent = await drive(stored.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 3 });
    expect(effective('progress_note', seeded.caseId)).toHaveLength(1);
  });
});

describe('a payment delete that would reopen a Paid case', () => {
  it('fails as needs_confirmation on 409, and once confirmed is sent with reopenCaseIfNeeded', async () => {
    const seeded = await seedCase('Active', 50);
    const outsider = await createUser({ email: 'otto.outbox@agency.test', name: 'Otto Outbox', role: 'collector' });
    const paid = await drive(
      (
        await store(seeded.id, 'payment_create', {
          date: '2026-11-21',
          amountMinor: '5000',
          currency: 'EUR',
          recipient: 'CollectionPartner',
          closeCase: true,
        })
      ).id,
    );
    await waitFor(
      async () => (await db.case.findUniqueOrThrow({ where: { id: seeded.id } })).closeCode === 'Paid',
      15_000,
      'the case closed as Paid',
    );
    const stored = await store(seeded.id, 'payment_delete', { debituraPaymentId: paid.debituraPaymentId! });
    expect(await drive(stored.id)).toMatchObject({ status: 'failed', errorCode: 'needs_confirmation', attempts: 1 });
    expect(effective('payment_delete', seeded.caseId)).toHaveLength(0);

    // Confirmed as the case page confirms it: a plain "send again" is refused (Debitura asked for a
    // confirmation), another collector may not, and the confirmation adds the flag Debitura named.
    const collector = { ...actor, role: 'collector' as const };
    await expect(resendAction(collector, seeded.reference, stored.id, 'retry')).rejects.toThrow(/not waiting/);
    await db.case.update({ where: { id: seeded.id }, data: { assigneeId: outsider.id } });
    await expect(resendAction(collector, seeded.reference, stored.id, 'confirm')).rejects.toThrow(/another collector/);
    await db.case.update({ where: { id: seeded.id }, data: { assigneeId: null } });
    expect(await resendAction(collector, seeded.reference, stored.id, 'confirm')).toMatchObject({ status: 'pending' });
    expect((await action(stored.id)).payload).toMatchObject({ reopenCaseIfNeeded: true });
    await drive(stored.id);
    expect(effective('payment_delete', seeded.caseId)).toEqual([
      expect.objectContaining({ body: { paymentId: paid.debituraPaymentId, reopen: true } }),
    ]);
    await waitForStatus(stored.id, 'confirmed');
    await waitFor(
      async () => (await db.case.findUniqueOrThrow({ where: { id: seeded.id } })).state === 'Active',
      15_000,
      'the case reopened',
    );
  });
});

describe('a crash mid-call', () => {
  it('a worker killed with SIGKILL while Debitura processes the call: the action is sent once after the restart', async () => {
    const seeded = await seedCase('Active');
    const closing = await store(seeded.id, 'close', { closeCode: 'WithdrawnByClient' });
    const paying = await seedCase('Active');
    const payment = await store(paying.id, 'payment_create', {
      date: '2026-11-22',
      amountMinor: '1000',
      currency: 'EUR',
      recipient: 'Creditor',
      commissionStatus: 'Unpaid',
    });
    // Both calls take effect on Debitura and then hang: the worker dies waiting for the answers.
    fake.actions.setFaults({ stalls: 2 });
    const worker = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/outbox-worker.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, DEBITURA_API_TIMEOUT_MS: '60000' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await waitFor(
      async () =>
        effective('close', seeded.caseId).length === 1 && effective('payment_create', paying.caseId).length === 1,
      30_000,
      'both calls to reach Debitura',
    );
    worker.kill('SIGKILL');
    await exited;
    expect(await action(closing.id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await action(payment.id)).toMatchObject({ status: 'pending', attempts: 1 });

    // The lease the dead worker held runs out; the next sender finds the effects already there.
    await database.pool.query('UPDATE outbound_actions SET next_attempt_at = now() WHERE id = ANY($1::uuid[])', [
      [closing.id, payment.id],
    ]);
    const [closed, paid] = [await drive(closing.id), await drive(payment.id)];
    expect(closed.response).toMatchObject({ recoveredAfterAmbiguousAttempt: true });
    expect(paid.attempts).toBe(2);
    expect(effective('close', seeded.caseId)).toHaveLength(1);
    expect(effective('payment_create', paying.caseId)).toHaveLength(1);
    await waitForStatus(closing.id, 'confirmed');
    await waitForStatus(payment.id, 'confirmed');
  });
});

/** An Active case with a payment already on Debitura (for edits and deletes). */
async function caseWithPayment(amountMinor = '1500') {
  const seeded = await seedCase('Active', 100);
  const paid = await drive(
    (
      await store(seeded.id, 'payment_create', {
        date: '2026-11-18',
        amountMinor,
        currency: 'EUR',
        recipient: 'CollectionPartner',
      })
    ).id,
  );
  return { ...seeded, debituraPaymentId: paid.debituraPaymentId! };
}

describe('the other kinds across 503, 429 and a lost answer', () => {
  it('a payment delete (no idempotency key) takes effect once: the retry finds the payment gone', async () => {
    const seeded = await caseWithPayment();
    fake.actions.setFaults({ unavailable: 1, rateLimited: 1, lostAnswers: 1 });
    const stored = await store(seeded.id, 'payment_delete', { debituraPaymentId: seeded.debituraPaymentId });
    const sent = await drive(stored.id);
    expect(sent).toMatchObject({ status: expect.stringMatching(/sent|confirmed/), attempts: 4 });
    expect(sent.response).toMatchObject({ recoveredAfterAmbiguousAttempt: true });
    expect(effective('payment_delete', seeded.caseId)).toHaveLength(1);
  });

  it('a document upload (no idempotency key) takes effect once: the retry finds the file in the list', async () => {
    const seeded = await seedCase('Active');
    fake.actions.setFaults({ unavailable: 1, rateLimited: 1, lostAnswers: 1 });
    const stored = await uploadDocument(
      { ...actor, role: 'collector' },
      seeded.reference,
      { name: 'letter.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 every kind') },
      { description: undefined },
    );
    const sent = await drive(stored.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 4 });
    expect(effective('document_upload', seeded.caseId)).toHaveLength(1);
  });

  // Edits and fees replace values: a retry after a lost answer may repeat the call, which
  // leaves Debitura holding the same values (never a second payment or a sum).
  it('a payment edit and a fee change end with Debitura holding their values, however often they went', async () => {
    const seeded = await caseWithPayment();
    fake.actions.setFaults({ unavailable: 1, rateLimited: 1, lostAnswers: 1 });
    const edit = await store(seeded.id, 'payment_update', {
      debituraPaymentId: seeded.debituraPaymentId,
      date: '2026-11-19',
      amountMinor: '2500',
      currency: 'EUR',
      recipient: 'CollectionPartner',
    });
    expect((await drive(edit.id)).status).toMatch(/sent|confirmed/);
    const edits = effective('payment_update', seeded.caseId);
    expect(edits.length).toBeGreaterThanOrEqual(1);
    expect(new Set(edits.map((call) => JSON.stringify(call.body))).size).toBe(1);
    expect(edits[0].body).toMatchObject({ date: '2026-11-19', paymentAmount: 25 });
    expect(effective('payment_create', seeded.caseId)).toHaveLength(1);

    fake.actions.setFaults({ unavailable: 1, rateLimited: 1, lostAnswers: 1 });
    const fees = await store(seeded.id, 'fees', {
      interestMinor: '500',
      reminderMinor: '0',
      collectionMinor: '1250',
      currency: 'EUR',
    });
    expect((await drive(fees.id)).status).toBe('sent');
    const changes = effective('fees', seeded.caseId);
    expect(changes.length).toBeGreaterThanOrEqual(1);
    expect(new Set(changes.map((call) => JSON.stringify(call.body))).size).toBe(1);
    expect(changes[0].body).toMatchObject({ interestFees: 5, reminderFees: 0, collectionFees: 12.5 });
  });

  // Debitura sends no webhook for an edit: its answer is the news, written into the payment.
  it('a payment correction Debitura accepted shows in the payment and the balance; a reconciled one goes to review', async () => {
    const seeded = await caseWithPayment();
    const payment = await waitFor(
      () => db.payment.findFirst({ where: { caseId: seeded.id, debituraPaymentId: seeded.debituraPaymentId } }),
      10_000,
      'payment.created for the recorded payment',
    );
    const { rows } = await database.pool.query<{ id: string }>(
      `INSERT INTO bank_statement_imports (id, file_hash, mapping, row_count, line_count)
       VALUES (gen_random_uuid(), $1, '{}', 1, 1) RETURNING id`,
      [randomUUID()],
    );
    const line = await database.pool.query<{ id: string }>(
      `INSERT INTO bank_lines (id, import_id, line_hash, row_number, date, amount_minor, currency, reference,
                               matched_payment_id, match_status)
       VALUES (gen_random_uuid(), $1, $2, 1, '2026-11-18', 1500, 'EUR', $3, $4, 'confirmed') RETURNING id`,
      [rows[0].id, randomUUID(), seeded.reference, payment.id],
    );
    await database.pool.query("UPDATE payments SET reconciliation_status = 'reconciled' WHERE id = $1", [payment.id]);

    const edit = await store(seeded.id, 'payment_update', {
      debituraPaymentId: seeded.debituraPaymentId,
      date: '2026-11-19',
      amountMinor: '2500',
      currency: 'EUR',
      recipient: 'Creditor',
      commissionStatus: 'Paid',
    });
    expect((await drive(edit.id)).status).toMatch(/sent|confirmed/);

    const corrected = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(corrected).toMatchObject({
      amountMinor: 2500n,
      recipient: 'Creditor',
      reconciliationStatus: 'needs_review',
      isDeleted: false,
    });
    expect(corrected.date?.toISOString()).toBe('2026-11-19T00:00:00.000Z');
    const theCase = await db.case.findUniqueOrThrow({ where: { id: seeded.id } });
    expect(theCase.paidMinor).toBe(2500n);
    expect(theCase.outstandingMinor).toBe(theCase.originalAmountMinor! + (theCase.addedFeesMinor ?? 0n) - 2500n);
    const bankLine = await db.bankLine.findUniqueOrThrow({ where: { id: line.rows[0].id } });
    expect(bankLine.matchStatus).toBe('needs_review');
  });
});

describe('a crash mid-call, for the kinds without an idempotency key', () => {
  it('accept, progress note, payment delete and document upload: each sent once after the worker is killed', async () => {
    const accepting = await seedCase('PendingVerification');
    const accept = await store(accepting.id, 'accept', { welcomeMessage: 'Welcome.', userEmail: actor.email });
    const noting = await seedCase('Active');
    const note = await store(noting.id, 'progress_note', { text: `Debtor called back ${randomUUID()}` });
    const deleting = await caseWithPayment('1000');
    const removal = await store(deleting.id, 'payment_delete', { debituraPaymentId: deleting.debituraPaymentId });
    const uploading = await seedCase('Active');
    const upload = await uploadDocument(
      { ...actor, role: 'collector' },
      uploading.reference,
      { name: 'crash.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 crash') },
      { description: undefined },
    );
    const all = [
      { id: accept.id, kind: 'accept', caseId: accepting.caseId },
      { id: note.id, kind: 'progress_note', caseId: noting.caseId },
      { id: removal.id, kind: 'payment_delete', caseId: deleting.caseId },
      { id: upload.id, kind: 'document_upload', caseId: uploading.caseId },
    ];

    // Every call takes effect on Debitura and then hangs: the worker dies waiting for the answers.
    fake.actions.setFaults({ stalls: all.length });
    const worker = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/outbox-worker.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, DEBITURA_API_TIMEOUT_MS: '60000' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await waitFor(
      async () => all.every((one) => effective(one.kind, one.caseId).length === 1),
      30_000,
      'every call to reach Debitura',
    );
    worker.kill('SIGKILL');
    await exited;
    fake.actions.setFaults({ stalls: 0 });

    await database.pool.query('UPDATE outbound_actions SET next_attempt_at = now() WHERE id = ANY($1::uuid[])', [
      all.map((one) => one.id),
    ]);
    for (const one of all) {
      const done = await drive(one.id);
      expect(done.status, one.kind).toMatch(/sent|confirmed/);
      expect(effective(one.kind, one.caseId), one.kind).toHaveLength(1);
    }
  });
});
