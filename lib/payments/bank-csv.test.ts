import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { loadMessages } from '@/lib/i18n/catalog';
import { guessMapping, parseBankCsv, readHeaders, type ImportProblem } from './bank-csv';
import { STATEMENT_MAPPING } from '@/test/helpers/bank-statement';

const translate = createTranslator({ locale: 'en', messages: loadMessages('en'), namespace: 'import.problems' });
/** A problem as the English page shows it, so the expectations read as the manager does. */
const english = (problem: ImportProblem) => translate(problem.code as never, problem.values as never);

describe('parseBankCsv', () => {
  it('reads good rows into minor units per currency', () => {
    const csv =
      'Date,Amount,Currency,Text\n2026-11-02,"1,234.56",EUR,Payment Q8OAXF3W\n2026-11-03,1500,JPY,ref ABC\n2026-11-04,0.125,KWD,x\n';
    const result = parseBankCsv(csv, STATEMENT_MAPPING);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((row) => row.line)).toEqual([
      { rowNumber: 2, date: '2026-11-02', amountMinor: 123456n, currency: 'EUR', reference: 'Payment Q8OAXF3W' },
      { rowNumber: 3, date: '2026-11-03', amountMinor: 1500n, currency: 'JPY', reference: 'ref ABC' },
      { rowNumber: 4, date: '2026-11-04', amountMinor: 125n, currency: 'KWD', reference: 'x' },
    ]);
  });

  it('names what is wrong with each bad row and keeps the good ones', () => {
    const csv = [
      'Date,Amount,Currency,Text',
      '2026-11-02,10.00,EUR,ok',
      '2026-02-30,10.00,EUR,not a day',
      '02.11.2026,10.00,EUR,wrong format',
      '2026-11-02,ten,EUR,not a number',
      '2026-11-02,10.001,EUR,too many decimals',
      '2026-11-02,1.5,JPY,yen has no decimals',
      '2026-11-02,10.00,EURO,bad currency',
      '2026-11-02,-10.00,EUR,outgoing',
      '2026-11-02,10.00',
    ].join('\n');
    const result = parseBankCsv(csv, STATEMENT_MAPPING);
    if (!result.ok) throw new Error(english(result.error));
    const errors = result.rows.map((row) => [row.rowNumber, row.error ? english(row.error) : 'ok']);
    expect(errors).toEqual([
      [2, 'ok'],
      [3, 'Date "2026-02-30" is not a real day.'],
      [4, 'Date "02.11.2026" does not read as YYYY-MM-DD.'],
      [5, 'Amount "ten" is not a number (decimal separator ".").'],
      [6, 'Amount "10.001" has more decimals than EUR allows.'],
      [7, 'Amount "1.5" has more decimals than JPY allows.'],
      [8, 'Currency "EURO" is not an ISO 4217 code like EUR.'],
      [9, 'The amount is not positive: only incoming payments can be matched.'],
      [10, 'The row has fewer columns than the header.'],
    ]);
  });

  it('reads European numbers and dates, semicolons and a BOM, with one currency for the file', () => {
    const csv = '\uFEFFBuchungstag;Betrag;Verwendungszweck\n02.11.2026;1.234,50;Rechnung Q8OAXF3W\n';
    const result = parseBankCsv(csv, {
      date: 'Buchungstag',
      amount: 'Betrag',
      currency: '',
      fixedCurrency: 'EUR',
      reference: 'Verwendungszweck',
      dateFormat: 'DD.MM.YYYY',
      decimalSeparator: ',',
    });
    if (!result.ok) throw new Error(english(result.error));
    expect(result.rows[0].line).toMatchObject({ date: '2026-11-02', amountMinor: 123450n, currency: 'EUR' });
  });

  it('refuses a file that is not CSV, or a mapping naming a missing column, as a whole', () => {
    const refusal = (text: string) => {
      const result = parseBankCsv(text, STATEMENT_MAPPING);
      return result.ok ? 'accepted' : english(result.error);
    };
    expect(refusal('%PDF-1.4\n\u0000\u0001binary')).toMatch(/binary/);
    expect(refusal('just one line of prose without commas')).toMatch(/header row/);
    expect(refusal('Date,Amount,Text\n2026-11-02,1,x')).toBe('The currency column "Currency" is not in the file.');
  });
});

describe('readHeaders and guessMapping', () => {
  it('finds the columns by their usual names', () => {
    const { headers } = readHeaders('Booking date,Amount,Currency,Description\n2026-11-02,1,EUR,x');
    expect(guessMapping(headers)).toMatchObject({
      date: 'Booking date',
      amount: 'Amount',
      currency: 'Currency',
      reference: 'Description',
    });
  });
});
