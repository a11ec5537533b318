import { describe, expect, it } from 'vitest';
import { currencyExponent, formatMinor, formatMoney, toMinorUnits } from './currency';

describe('toMinorUnits', () => {
  it('uses the ISO 4217 exponent of the currency', () => {
    expect(toMinorUnits(1234.56, 'EUR')).toBe(123456n);
    expect(toMinorUnits(1234, 'JPY')).toBe(1234n);
    expect(toMinorUnits(1.234, 'KWD')).toBe(1234n);
    expect(currencyExponent('DKK')).toBe(2);
  });

  it('converts from the decimal text, not by multiplying floats', () => {
    expect(toMinorUnits(19.99, 'EUR')).toBe(1999n); // 19.99 * 100 is 1998.9999999999998
    expect(toMinorUnits(1.1, 'EUR')).toBe(110n); // 1.1 * 100 is 110.00000000000001
  });

  it('rejects more decimals than the currency has instead of rounding', () => {
    expect(() => toMinorUnits(10.005, 'EUR')).toThrow(/more decimals/);
    expect(() => toMinorUnits(1.5, 'JPY')).toThrow(/more decimals/);
  });

  it('accepts decimal strings and negative amounts, rejects junk', () => {
    expect(toMinorUnits('19.90', 'EUR')).toBe(1990n);
    expect(toMinorUnits(-5, 'EUR')).toBe(-500n);
    expect(() => toMinorUnits('12,50', 'EUR')).toThrow(/Not an amount/);
    expect(() => toMinorUnits(Number.NaN, 'EUR')).toThrow();
  });

  it('keeps large amounts exact', () => {
    expect(toMinorUnits('90071992547409.91', 'EUR')).toBe(9007199254740991n);
    expect(toMinorUnits(12345678901.23, 'EUR')).toBe(1234567890123n);
  });
});

describe('formatMinor', () => {
  it('formats per currency exponent', () => {
    expect(formatMinor(123456n, 'EUR', 'en-GB')).toBe('€1,234.56');
    expect(formatMinor(1234, 'JPY', 'en-GB')).toBe('JP¥1,234');
    expect(formatMinor(-50n, 'EUR', 'en-GB')).toBe('-€0.50');
  });
});

describe('formatMoney', () => {
  it("formats in the reader's language with the case's currency (Intl separates with no-break spaces)", () => {
    expect(formatMoney(123456n, 'EUR', 'de')).toBe('1.234,56\u00a0€');
    expect(formatMoney(123456n, 'DKK', 'da')).toBe('1.234,56\u00a0kr.');
    expect(formatMoney(123456n, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatMoney(1234n, 'JPY', 'de')).toBe('1.234\u00a0¥');
  });

  it('shows a dash when the amount or the currency is unknown', () => {
    expect(formatMoney(null, 'EUR', 'en')).toBe('—');
    expect(formatMoney(100n, null, 'en')).toBe('—');
  });
});
