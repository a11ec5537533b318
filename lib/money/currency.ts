/**
 * Money is integer minor units plus an ISO 4217 code. Debitura sends major units as JSON
 * numbers; they are converted here, once, at the edge.
 */

// ISO 4217 exponents that differ from 2. Intl knows most, but not reliably across ICU builds.
const EXPONENT_OVERRIDES: Record<string, number> = {
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  CLF: 4,
  UYW: 4,
};

export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value);
}

export function currencyExponent(currency: string): number {
  return EXPONENT_OVERRIDES[currency.toUpperCase()] ?? 2;
}

/**
 * Converts a major-unit amount to minor units without float arithmetic: the number's
 * shortest decimal text is shifted by the exponent. Throws on more decimals than the
 * currency has (a bad payload is better rejected than silently rounded).
 */
export function toMinorUnits(major: number | string, currency: string): bigint {
  const text = typeof major === 'number' ? numberToPlainString(major) : major.trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`Not an amount: ${JSON.stringify(major)}`);
  const [, sign, whole, fraction = ''] = match;
  const exponent = currencyExponent(currency);
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > exponent) {
    throw new RangeError(`${text} has more decimals than ${currency} allows (${exponent})`);
  }
  const minor = BigInt(whole + trimmed.padEnd(exponent, '0'));
  return sign ? -minor : minor;
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite amount: ${value}`);
  // toString() may use exponent notation (1e21, 1e-7); toFixed(20) avoids it for the
  // ranges that matter, but can expose binary noise, so prefer toString when it is plain.
  const plain = value.toString();
  if (!/e/i.test(plain)) return plain;
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/**
 * Minor units as text in the reader's language (`1.234,56 €` in German, `€1,234.56` in
 * English), the currency always the case's own; a dash when amount or currency is unknown.
 * The only place money becomes text.
 */
export function formatMoney(
  minor: bigint | number | null | undefined,
  currency: string | null | undefined,
  locale: string,
): string {
  if (minor === null || minor === undefined || !currency) return '—';
  return formatMinor(minor, currency, locale);
}

/** {@link formatMoney} for an amount and currency known to be there. */
export function formatMinor(minor: bigint | number, currency: string, locale = 'en-GB'): string {
  const exponent = currencyExponent(currency);
  const value = typeof minor === 'bigint' ? minor : BigInt(minor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent) || '0';
  const fraction = exponent ? digits.slice(-exponent) : '';
  // Intl formats the decimal string exactly (no float conversion) via its string overload.
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  const decimal = `${negative ? '-' : ''}${whole}${exponent ? `.${fraction}` : ''}`;
  return formatter.format(decimal as unknown as number);
}

/**
 * Minor units back to a major-unit JSON number for Debitura's API (which takes amounts as
 * numbers): the decimal text is built exactly, and its shortest float prints back the same.
 */
export function toMajorUnits(minor: bigint | string, currency: string): number {
  const value = typeof minor === 'bigint' ? minor : BigInt(minor);
  const exponent = currencyExponent(currency);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent ? `.${digits.slice(-exponent)}` : '';
  return Number(`${negative ? '-' : ''}${whole}${fraction}`);
}

/**
 * An amount a person typed ("1234.5", "1 234,50" is not accepted: one dot, no grouping) in
 * the case's currency, as minor units. Throws RangeError with a message for the form when it
 * is not a positive amount or has more decimals than the currency (no 0.001 EUR, no 0.5 JPY).
 */
export function parseAmountInput(text: string, currency: string): bigint {
  const trimmed = text.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) throw new RangeError('Enter an amount like 125.50 (digits and one dot).');
  return toMinorUnits(trimmed, currency);
}
