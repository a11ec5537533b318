import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { sendDueActions } from '@/lib/outbox/sender';
import { listRegistrableLines, registerBankLines } from '@/lib/payments/bank-register';
import { importBankStatement } from '@/lib/payments/import';
import { createUser } from '@/lib/users/users';
import { startOutboxTestbed, type OutboxTestbed } from '@/test/helpers/outbox';
import { waitFor } from '@/test/helpers/webhooks';
import { STATEMENT_MAPPING } from '@/test/helpers/bank-statement';

/**
 * "Register with Debitura" for bank lines, closing the loop: a line whose text names exactly
 * one case and that matches no Debitura payment is recorded with the fake Debitura as a payment
 * to the collection partner (the line's date and amount), once, across a 503 and a lost answer;
 * the payment.created Debitura sends back confirms the action and reconciles the line to that
 * payment. One line or several at once; a line pressed twice (even at the same moment) is
 * registered once; lines that name no case, two cases, another currency, or are outgoing are
 * not offered; a case that takes no payment is reported, not sent.
 */

const API_KEY = 'bank-register-key';
let bed: OutboxTestbed;
let database: OutboxTestbed['database'];
let fake: OutboxTestbed['fake'];
let manager: { id: string; email: string; role: string };

beforeAll(async () => {
  bed = await startOutboxTestbed(API_KEY);
  ({ database, fake } = bed);
  const user = await createUser({ email: 'mia.bank@agency.test', name: 'Mia Bank', role: 'manager' });
  manager = { id: user.id, email: user.email, role: 'manager' };
}, 120_000);

afterAll(() => bed?.close());

const seedCase = (lifecycle = 'Active', currency = 'EUR') =>
  bed.seedCase({ prefix: 'BR', lifecycle, grossMajor: 500, currency });

/** Imports a statement through the import's own code; answers the line ids by their text. */
async function importLines(rows: [date: string, amount: string, currency: string, text: string][]) {
  const text = ['Date,Amount,Currency,Text', ...rows.map((row) => row.join(','))].join('\n');
  const result = await importBankStatement({
    actor: manager,
    fileName: `bank-${randomUUID()}.csv`,
    text,
    mapping: STATEMENT_MAPPING,
  });
  if (result.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(result)}`);
  const lines = await db.bankLine.findMany({ where: { importId: result.importId } });
  return { importId: result.importId, byText: new Map(lines.map((line) => [line.reference, line.id])) };
}

const paymentCalls = (caseId: string) =>
  fake.actions.calls.filter((call) => call.kind === 'payment_create' && call.caseId === caseId);

/** Sender passes, with each pending action's backoff cut short, until every action is confirmed. */
async function driveUntilConfirmed(actionIds: string[]) {
  await waitFor(
    async () => {
      await sendDueActions();
      await database.pool.query(
        "UPDATE outbound_actions SET next_attempt_at = now() WHERE status = 'pending' AND next_attempt_at < now() + interval '1 hour'",
      );
      const rows = await db.outboundAction.findMany({ where: { id: { in: actionIds } } });
      return rows.every((row) => row.status === 'confirmed') && rows;
    },
    30_000,
    `actions ${actionIds.join(', ')} confirmed`,
  );
}

async function expectReconciled(lineId: string, caseRowId: string, amountMinor: bigint) {
  const line = await db.bankLine.findUniqueOrThrow({ where: { id: lineId }, include: { matchedPayment: true } });
  expect(line.matchStatus).toBe('confirmed');
  expect(line.confirmedBy).toBe(manager.id);
  expect(line.matchedPayment).toMatchObject({ caseId: caseRowId, amountMinor, reconciliationStatus: 'matched' });
}

describe('registering bank lines with Debitura', () => {
  it('offers only lines that name exactly one case in their currency, paid in, with no Debitura payment', async () => {
    const [a, b, usd] = [await seedCase(), await seedCase(), await seedCase('Active', 'USD')];
    const { importId, byText } = await importLines([
      ['2026-11-20', '42.50', 'EUR', `Payment ${a.reference} thanks`],
      ['2026-11-20', '10.00', 'EUR', `Rate (${b.reference.toLowerCase()})`],
      ['2026-11-20', '11.00', 'EUR', 'No reference at all'],
      ['2026-11-20', '12.00', 'EUR', `${a.reference} and ${b.reference}`],
      ['2026-11-20', '-13.00', 'EUR', `Refund ${a.reference}`],
      ['2026-11-20', '14.00', 'EUR', `Wrong currency ${usd.reference}`],
    ]);
    const offered = await listRegistrableLines({ importId });
    expect(offered.map((line) => [line.text, line.caseReference, line.canRegister])).toEqual([
      [`Payment ${a.reference} thanks`, a.reference, true],
      [`Rate (${b.reference.toLowerCase()})`, b.reference, true],
    ]);
    expect(offered.map((line) => line.id).sort()).toEqual(
      [byText.get(`Payment ${a.reference} thanks`), byText.get(`Rate (${b.reference.toLowerCase()})`)].sort(),
    );
  });

  it('registers one line once across a 503 and a lost answer; payment.created reconciles the line', async () => {
    const seeded = await seedCase();
    const text = `Debtor payment ${seeded.reference}`;
    const { byText } = await importLines([['2026-11-21', '42.50', 'EUR', text]]);
    const lineId = byText.get(text)!;

    fake.actions.setFaults({ unavailable: 1, lostAnswers: 1 });
    const result = await registerBankLines({ ...manager, name: 'Mia' } as never, [lineId]);
    expect(result.skipped).toEqual([]);
    expect(result.registered).toHaveLength(1);
    // Pressed again while it is on its way: nothing more is stored.
    expect(await registerBankLines(manager as never, [lineId])).toEqual({
      registered: [],
      skipped: [{ lineId, reason: 'alreadyRegistered' }],
    });

    await driveUntilConfirmed([result.registered[0].actionId]);
    const calls = paymentCalls(seeded.caseId);
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toEqual({ date: '2026-11-21', paymentAmount: 42.5, paymentRecipient: 'CollectionPartner' });
    await waitFor(
      async () => (await db.bankLine.findUniqueOrThrow({ where: { id: lineId } })).matchStatus === 'confirmed',
      10_000,
      'the line reconciled',
    );
    await expectReconciled(lineId, seeded.id, 4250n);
    const [listed] = await listRegistrableLines({ lineIds: [lineId] });
    expect(listed).toMatchObject({
      matchStatus: 'confirmed',
      canRegister: false,
      registration: { status: 'confirmed' },
    });
    expect(await registerBankLines(manager as never, [lineId])).toMatchObject({ registered: [] });
    expect(paymentCalls(seeded.caseId)).toHaveLength(1);
  });

  it('registers several lines at once with a summary; a double press at the same moment registers once', async () => {
    const [one, two, pending] = [await seedCase(), await seedCase(), await seedCase('PendingVerification')];
    const texts = [`Inv ${one.reference}`, `Inv ${two.reference}`, `Inv ${pending.reference}`];
    const { byText } = await importLines([
      ['2026-11-22', '100.00', 'EUR', texts[0]],
      ['2026-11-22', '0.99', 'EUR', texts[1]],
      ['2026-11-22', '5.00', 'EUR', texts[2]],
    ]);
    const [lineOne, lineTwo, linePending] = texts.map((text) => byText.get(text)!);
    const missing = randomUUID();

    const [first, second] = await Promise.all([
      registerBankLines(manager as never, [lineOne, lineTwo, linePending, missing]),
      registerBankLines(manager as never, [lineTwo, lineOne]),
    ]);
    const registered = [...first.registered, ...second.registered];
    expect(registered.map((entry) => entry.lineId).sort()).toEqual([lineOne, lineTwo].sort());
    const skipped = [...first.skipped, ...second.skipped];
    expect(skipped).toEqual(
      expect.arrayContaining([
        { lineId: missing, reason: 'notFound' },
        { lineId: linePending, reason: 'refused', message: expect.stringMatching(/PendingVerification/) },
      ]),
    );
    expect(skipped.filter((entry) => entry.reason === 'alreadyRegistered')).toHaveLength(2);
    expect(await db.outboundAction.count({ where: { bankLineId: linePending } })).toBe(0);

    await driveUntilConfirmed(registered.map((entry) => entry.actionId));
    expect(paymentCalls(one.caseId)).toHaveLength(1);
    expect(paymentCalls(two.caseId)).toHaveLength(1);
    expect(paymentCalls(pending.caseId)).toHaveLength(0);
    await waitFor(
      async () =>
        (await db.bankLine.count({ where: { id: { in: [lineOne, lineTwo] }, matchStatus: 'confirmed' } })) === 2,
      10_000,
      'both lines reconciled',
    );
    await expectReconciled(lineOne, one.id, 10_000n);
    await expectReconciled(lineTwo, two.id, 99n);
  });
});
