import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { minorToDecimal, neutraliseFormula, toCsv } from './csv';

describe('minorToDecimal', () => {
  it('writes plain decimals with the currency exponent', () => {
    expect(minorToDecimal(123456n, 'EUR')).toBe('1234.56');
    expect(minorToDecimal(5n, 'EUR')).toBe('0.05');
    expect(minorToDecimal(-250n, 'DKK')).toBe('-2.50');
    expect(minorToDecimal(1500n, 'JPY')).toBe('1500');
    expect(minorToDecimal(1234n, 'KWD')).toBe('1.234');
    expect(minorToDecimal(9007199254740993n, 'EUR')).toBe('90071992547409.93');
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and neutralises formulas, but not negative numbers', () => {
    const csv = toCsv(
      [
        { header: 'ref', value: (row: { ref: string; amount: string }) => row.ref },
        { header: 'amount', value: (row) => row.amount },
      ],
      [
        { ref: 'a, "quoted" ref', amount: '1.00' },
        { ref: '=HYPERLINK("http://x")', amount: '-2.50' },
        { ref: '@SUM(A1)', amount: '0' },
      ],
    );
    const parsed = Papa.parse<string[]>(csv.trim()).data;
    expect(parsed).toEqual([
      ['ref', 'amount'],
      ['a, "quoted" ref', '1.00'],
      ['\'=HYPERLINK("http://x")', '-2.50'],
      ["'@SUM(A1)", '0'],
    ]);
    expect(neutraliseFormula('-1+2')).toBe("'-1+2");
  });
});
