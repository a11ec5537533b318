import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { closePool } from '@/lib/database/pool';
import { importBankStatement } from '@/lib/payments/import';
import { importTotals, listImportLines } from '@/lib/payments/import-queries';
import { rematchOpenLines } from '@/lib/payments/matching';
import {
  confirmLineMatch,
  markReconciled,
  markUnreconciled,
  ReconcileError,
  rejectLineMatch,
} from '@/lib/payments/reconcile';
import { createUser } from '@/lib/users/users';
import { createTestDatabase } from '@/test/helpers/database';
import { assigned, deliverAll, paymentCreated, paymentDeleted, WEBHOOK_SECRET } from './manager-support';
import { STATEMENT_MAPPING } from '@/test/helpers/bank-statement';

/**
 * Reconciliation on a real PostgreSQL, with cases and payments sent in as signed webhooks:
 * the bank CSV import (a malformed file, bad rows, mixed currencies, the same file twice,
 * an overlapping statement), the matcher's suggestions, confirm / correct / reject, bulk
 * reconcile, the needs-review rules when Debitura deletes a payment, and the audit entries.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let manager: { id: string; email: string };

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.DEBITURA_WEBHOOK_SECRETS = WEBHOOK_SECRET;
  manager = await createUser({ email: 'manager@agency.test', name: 'Mona Manager', role: 'manager' });
  await deliverAll([
    assigned('REC-A1', 'EUR', 1000, '2026-10-01T09:00:00Z'),
    assigned('REC-B1', 'EUR', 500, '2026-10-01T09:00:00Z'),
    assigned('REC-C1', 'DKK', 750, '2026-10-01T09:00:00Z'),
    assigned('REC-D1', 'EUR', 300, '2026-10-01T09:00:00Z'),
    // Two payments of the same amount and currency: only the text tells them apart.
    paymentCreated('REC-A1', 'pay-a1', 250, 'EUR', '2026-11-02T10:00:00Z'),
    paymentCreated('REC-B1', 'pay-b1', 250, 'EUR', '2026-11-03T10:00:00Z'),
    // Same amount, other currency: never a candidate for a EUR line.
    paymentCreated('REC-C1', 'pay-c1', 250, 'DKK', '2026-11-02T10:00:00Z'),
    paymentCreated('REC-D1', 'pay-d1', 120.5, 'EUR', '2026-11-05T10:00:00Z'),
    paymentCreated('REC-D1', 'pay-d2', 80, 'EUR', '2026-11-06T10:00:00Z'),
  ]);
  // A test case's payment: bank money never matches it. The signed body's classification makes
  // it a test case; the header alone would not.
  await deliverAll(
    [
      assigned('REC-T1', 'EUR', 99, '2026-10-01T09:00:00Z'),
      paymentCreated('REC-T1', 'pay-t1', 99, 'EUR', '2026-11-02T10:00:00Z'),
    ].map((event) => ({ ...event, data: { ...event.data, classification: 'test' } })),
    { 'x-debitura-test': 'true' },
  );
});

afterAll(async () => {
  await db.$disconnect();
  await closePool();
  await database?.drop();
});

async function paymentByDebituraId(id: string) {
  return db.payment.findFirstOrThrow({ where: { debituraPaymentId: id } });
}

async function lineByRow(importId: string, rowNumber: number) {
  const line = (await listImportLines(importId)).find((candidate) => candidate.rowNumber === rowNumber);
  if (!line) throw new Error(`no line for row ${rowNumber}`);
  return line;
}

const STATEMENT = [
  'Date,Amount,Currency,Text',
  '2026-11-02,250.00,EUR,Payment REC-B1 thank you', // row 2: the reference beats the nearer date
  '2026-11-02,250.00,EUR,Transfer without reference', // row 3: same amount, nearest date left
  '2026-11-02,250.00,DKK,Overfoersel', // row 4: DKK line, DKK payment
  '2026-11-02,99.00,EUR,REC-T1', // row 5: only a test case's payment fits: no match
  '2026-11-05,120.50,EUR,rec-d1 part one', // row 6: reference in other case
  '2026-11-06,80.00,EUR,second part (REC-D10)', // row 7: REC-D10 is another case than REC-D1: no reference points
].join('\n');

let importId: string;

describe('importing a bank statement', () => {
  it('refuses a malformed file as a whole and stores nothing', async () => {
    const binary = await importBankStatement({
      actor: manager,
      fileName: 'statement.pdf',
      text: '%PDF-1.7\n\u0000\u0001\u0002 garbage',
      mapping: STATEMENT_MAPPING,
    });
    expect(binary).toEqual({ status: 'invalid', error: { code: 'binary' } });
    const prose = await importBankStatement({
      actor: manager,
      fileName: 'notes.txt',
      text: 'Dear bank please send the statement.',
      mapping: STATEMENT_MAPPING,
    });
    expect(prose).toEqual({ status: 'invalid', error: { code: 'noHeader' } });
    const wrongMapping = await importBankStatement({
      actor: manager,
      fileName: 'x.csv',
      text: 'Day,Sum,Info\n2026-11-02,1,x',
      mapping: STATEMENT_MAPPING,
    });
    expect(wrongMapping).toEqual({
      status: 'invalid',
      error: { code: 'columnMissing', values: { column: 'date', name: 'Date' } },
    });
    const allBad = await importBankStatement({
      actor: manager,
      fileName: 'bad.csv',
      text: 'Date,Amount,Currency,Text\nyesterday,lots,EUR,x\n',
      mapping: STATEMENT_MAPPING,
    });
    expect(allBad).toEqual({ status: 'invalid', error: { code: 'nothingReadable' } });
    const unclosedQuote = await importBankStatement({
      actor: manager,
      fileName: 'q.csv',
      text: 'Date,Amount,Currency,Text\n2026-11-02,"10.00,EUR,x\n',
      mapping: STATEMENT_MAPPING,
    });
    expect(unclosedQuote.status).toBe('invalid');
    expect(await db.bankStatementImport.count()).toBe(0);
    expect(await db.bankLine.count()).toBe(0);
  });

  it('imports a file with mixed currencies and suggests one payment per line by amount, currency, reference and date', async () => {
    const result = await importBankStatement({
      actor: manager,
      fileName: 'november.csv',
      text: STATEMENT,
      mapping: STATEMENT_MAPPING,
    });
    if (result.status !== 'imported') throw new Error(JSON.stringify(result));
    importId = result.importId;
    expect(result).toMatchObject({ lineCount: 6, duplicateLineCount: 0, skippedRows: [], suggested: 5 });

    const expectations: [number, string | null, number | null][] = [
      [2, 'pay-b1', 50 + 35 + 13],
      [3, 'pay-a1', 50 + 15],
      [4, 'pay-c1', 50 + 15],
      [5, null, null],
      [6, 'pay-d1', 50 + 35 + 15],
      [7, 'pay-d2', 50 + 15],
    ];
    for (const [row, paymentId, score] of expectations) {
      const line = await lineByRow(importId, row);
      expect({ row, payment: line.payment?.debituraPaymentId ?? null, score: line.score, status: line.status }).toEqual(
        {
          row,
          payment: paymentId,
          score,
          status: paymentId ? 'suggested' : 'unmatched',
        },
      );
    }
    // Totals per currency, never added across currencies.
    expect(await importTotals(importId)).toEqual([
      { currency: 'DKK', lines: 1, amountMinor: 25000n, confirmedMinor: 0n },
      { currency: 'EUR', lines: 5, amountMinor: 79950n, confirmedMinor: 0n },
    ]);
    // Suggestions change no payment yet.
    expect((await paymentByDebituraId('pay-b1')).reconciliationStatus).toBe('unreconciled');
    expect(
      await db.auditLog.count({
        where: { action: 'bank_statement.imported', actorId: manager.id, targetId: importId },
      }),
    ).toBe(1);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = { imports: await db.bankStatementImport.count(), lines: await db.bankLine.count() };
    const again = await importBankStatement({
      actor: manager,
      fileName: 'november-again.csv',
      text: STATEMENT,
      mapping: STATEMENT_MAPPING,
    });
    expect(again).toMatchObject({ status: 'already-imported', importId });
    expect({ imports: await db.bankStatementImport.count(), lines: await db.bankLine.count() }).toEqual(before);
    // And twice at the same moment: the unique file hash decides, not the code.
    const racing = await Promise.all(
      [1, 2].map(() =>
        importBankStatement({ actor: manager, fileName: 'n.csv', text: STATEMENT, mapping: STATEMENT_MAPPING }),
      ),
    );
    expect(racing.map((result) => result.status)).toEqual(['already-imported', 'already-imported']);
    expect(await db.bankLine.count()).toBe(before.lines);
  });

  it('skips lines already imported from an overlapping statement, and names each bad row', async () => {
    const overlapping = [
      'Date;Amount;Currency;Text',
      '2026-11-06;80,00;EUR;second part (REC-D10)', // already imported (same line, written the European way)
      '2026-11-07;15,00;EUR;new line',
      '2026-11-07;15,00;EUR;new line', // a genuine second identical transfer
      '2026-11-31;15,00;EUR;no such day',
      '2026-11-08;abc;EUR;not an amount',
    ].join('\n');
    const result = await importBankStatement({
      actor: manager,
      fileName: 'overlap.csv',
      text: overlapping,
      mapping: { ...STATEMENT_MAPPING, decimalSeparator: ',' },
    });
    expect(result).toMatchObject({
      status: 'imported',
      lineCount: 2,
      duplicateLineCount: 1,
      skippedRows: [
        { rowNumber: 5, error: { code: 'dateNotReal', values: { value: '2026-11-31' } } },
        { rowNumber: 6, error: { code: 'amountNotNumber', values: { value: 'abc', separator: ',' } } },
      ],
    });
  });
});

describe('confirming and correcting matches', () => {
  it('confirms a suggestion: the payment is matched, and the confirmation is audited', async () => {
    const line = await lineByRow(importId, 2);
    await confirmLineMatch({ actor: manager, lineId: line.id });
    expect(await lineByRow(importId, 2)).toMatchObject({
      status: 'confirmed',
      confirmedByName: 'Mona Manager',
      payment: { debituraPaymentId: 'pay-b1' },
    });
    expect((await paymentByDebituraId('pay-b1')).reconciliationStatus).toBe('matched');
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: 'bank_line.match_confirmed', targetId: line.id },
    });
    expect(audit).toMatchObject({
      actorId: manager.id,
      actorEmail: manager.email,
      detail: expect.objectContaining({ debituraPaymentId: 'pay-b1', caseReference: 'REC-B1' }),
    });
  });

  it('corrects a suggestion to another payment, refusing other currencies and payments matched elsewhere', async () => {
    const line = await lineByRow(importId, 3);
    const dkk = await paymentByDebituraId('pay-c1');
    await expect(confirmLineMatch({ actor: manager, lineId: line.id, paymentId: dkk.id })).rejects.toThrow(
      /currencies never mix/,
    );
    const taken = await paymentByDebituraId('pay-b1');
    await expect(confirmLineMatch({ actor: manager, lineId: line.id, paymentId: taken.id })).rejects.toThrow(
      /already matched to row 2/,
    );

    const d2 = await paymentByDebituraId('pay-d2');
    await confirmLineMatch({ actor: manager, lineId: line.id, paymentId: d2.id });
    expect(await lineByRow(importId, 3)).toMatchObject({
      status: 'confirmed',
      score: null,
      payment: { debituraPaymentId: 'pay-d2' },
    });
    // Row 7 only suggested pay-d2: it loses the suggestion and waits for a new match.
    expect(await lineByRow(importId, 7)).toMatchObject({ status: 'unmatched', payment: null });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: 'bank_line.match_corrected', targetId: line.id },
    });
    expect(audit.detail).toMatchObject({
      previousPaymentId: (await paymentByDebituraId('pay-a1')).id,
      debituraPaymentId: 'pay-d2',
    });

    // Correcting again moves the match: the first payment goes back to unreconciled.
    const a1 = await paymentByDebituraId('pay-a1');
    await confirmLineMatch({ actor: manager, lineId: line.id, paymentId: a1.id });
    expect((await paymentByDebituraId('pay-d2')).reconciliationStatus).toBe('unreconciled');
    expect((await paymentByDebituraId('pay-a1')).reconciliationStatus).toBe('matched');
    // And the freed payment is found again by re-running the matcher.
    expect(await rematchOpenLines()).toBeGreaterThanOrEqual(1);
    expect(await lineByRow(importId, 7)).toMatchObject({
      status: 'suggested',
      payment: { debituraPaymentId: 'pay-d2' },
    });
  });

  it('rejects a suggestion: the line pays none of our payments', async () => {
    const line = await lineByRow(importId, 4);
    await rejectLineMatch({ actor: manager, lineId: line.id });
    expect(await lineByRow(importId, 4)).toMatchObject({ status: 'rejected', payment: null });
    expect((await paymentByDebituraId('pay-c1')).reconciliationStatus).toBe('unreconciled');
    expect(
      await db.auditLog.count({
        where: { action: 'bank_line.match_rejected', targetId: line.id, actorId: manager.id },
      }),
    ).toBe(1);
  });
});

describe('marking payments reconciled', () => {
  it('reconciles in bulk with a note, recording who and when, one audit entry per payment', async () => {
    await confirmLineMatch({ actor: manager, lineId: (await lineByRow(importId, 6)).id });
    const ids = await Promise.all(['pay-a1', 'pay-b1', 'pay-d1'].map(async (id) => (await paymentByDebituraId(id)).id));
    const before = Date.now();
    const result = await markReconciled({ actor: manager, paymentIds: ids, note: 'November statement checked' });
    expect(result).toEqual({ changed: 3, skipped: [] });
    for (const id of ['pay-a1', 'pay-b1', 'pay-d1']) {
      const payment = await paymentByDebituraId(id);
      expect(payment).toMatchObject({
        reconciliationStatus: 'reconciled',
        reconciledBy: manager.id,
        reconcileNote: 'November statement checked',
      });
      expect(payment.reconciledAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    }
    expect(
      await db.auditLog.count({ where: { action: 'payment.reconciled', actorId: manager.id, targetId: { in: ids } } }),
    ).toBe(3);

    // Again: nothing changes, the first who/when stay.
    expect(await markReconciled({ actor: manager, paymentIds: [ids[0]], note: 'again' })).toEqual({
      changed: 0,
      skipped: [{ paymentId: ids[0], reason: 'already_reconciled' }],
    });
    expect((await paymentByDebituraId('pay-a1')).reconcileNote).toBe('November statement checked');
  });

  it('reconciles one payment without a bank line, and undoes it', async () => {
    const c1 = await paymentByDebituraId('pay-c1');
    expect(await markReconciled({ actor: manager, paymentIds: [c1.id] })).toEqual({ changed: 1, skipped: [] });
    expect(await markUnreconciled({ actor: manager, paymentIds: [c1.id], note: 'wrong one' })).toEqual({
      changed: 1,
      skipped: [],
    });
    expect(await paymentByDebituraId('pay-c1')).toMatchObject({
      reconciliationStatus: 'unreconciled',
      reconciledAt: null,
      reconciledBy: null,
    });
    expect(await db.auditLog.count({ where: { action: 'payment.unreconciled', targetId: c1.id } })).toBe(1);
  });
});

describe('needs review when Debitura deletes a payment', () => {
  it('moves a reconciled payment and its bank line to needs review', async () => {
    await deliverAll([paymentDeleted('REC-B1', 'pay-b1', '2026-11-20T10:00:00Z')]);
    expect(await paymentByDebituraId('pay-b1')).toMatchObject({
      isDeleted: true,
      reconciliationStatus: 'needs_review',
      reconcileNote: 'November statement checked',
    });
    expect(await lineByRow(importId, 2)).toMatchObject({
      status: 'needs_review',
      payment: { debituraPaymentId: 'pay-b1', isDeleted: true },
    });
  });

  it('moves a matched (confirmed, not yet reconciled) payment and its line to needs review', async () => {
    const line = await lineByRow(importId, 7);
    await confirmLineMatch({ actor: manager, lineId: line.id });
    expect((await paymentByDebituraId('pay-d2')).reconciliationStatus).toBe('matched');
    await deliverAll([paymentDeleted('REC-D1', 'pay-d2', '2026-11-20T11:00:00Z')]);
    expect((await paymentByDebituraId('pay-d2')).reconciliationStatus).toBe('needs_review');
    expect((await lineByRow(importId, 7)).status).toBe('needs_review');
  });

  it('leaves an unreconciled payment unreconciled, and a repeated deletion changes nothing more', async () => {
    await deliverAll([
      paymentDeleted('REC-C1', 'pay-c1', '2026-11-20T12:00:00Z'),
      paymentDeleted('REC-B1', 'pay-b1', '2026-11-21T10:00:00Z'),
    ]);
    expect(await paymentByDebituraId('pay-c1')).toMatchObject({
      isDeleted: true,
      reconciliationStatus: 'unreconciled',
    });
    expect((await paymentByDebituraId('pay-b1')).reconciliationStatus).toBe('needs_review');
  });

  it('will not match a line to a deleted payment, and resolving a review needs a note', async () => {
    const b1 = await paymentByDebituraId('pay-b1');
    await expect(
      confirmLineMatch({ actor: manager, lineId: (await lineByRow(importId, 4)).id, paymentId: b1.id }),
    ).rejects.toThrow(ReconcileError);
    await expect(markReconciled({ actor: manager, paymentIds: [b1.id] })).rejects.toThrow(/note/);
    // An unreconciled deleted payment is not something to reconcile.
    const c1 = await paymentByDebituraId('pay-c1');
    expect(await markReconciled({ actor: manager, paymentIds: [c1.id], note: 'x' })).toEqual({
      changed: 0,
      skipped: [{ paymentId: c1.id, reason: 'deleted_by_debitura' }],
    });

    expect(
      await markReconciled({ actor: manager, paymentIds: [b1.id], note: 'Refunded to the debtor on 21 Nov' }),
    ).toEqual({ changed: 1, skipped: [] });
    expect(await paymentByDebituraId('pay-b1')).toMatchObject({
      reconciliationStatus: 'reconciled',
      reconcileNote: 'Refunded to the debtor on 21 Nov',
    });
    // The line of the deleted payment is resolved by rejecting it (the money went back).
    await rejectLineMatch({ actor: manager, lineId: (await lineByRow(importId, 2)).id });
    expect((await lineByRow(importId, 2)).status).toBe('rejected');
  });
});
