import Papa from 'papaparse';
import { isCurrencyCode, toMinorUnits } from '@/lib/money/currency';

/**
 * Bank statement CSV: the columns the manager mapped in the page, parsed into lines with
 * integer minor amounts, or a clear error per bad row. Pure (no Node APIs): the import page
 * runs it in the browser for the preview, and the server runs it again before importing,
 * never trusting the browser's result.
 */

export const DATE_FORMATS = ['YYYY-MM-DD', 'DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD-MM-YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export type BankCsvMapping = {
  date: string;
  amount: string;
  /** The currency column; empty when the whole file is in `fixedCurrency`. */
  currency: string;
  fixedCurrency: string;
  reference: string;
  dateFormat: DateFormat;
  decimalSeparator: '.' | ',';
};

export type BankCsvLine = {
  /** The row's line in the file, counting the header as line 1. */
  rowNumber: number;
  /** Midnight UTC of the booking day, as YYYY-MM-DD. */
  date: string;
  amountMinor: bigint;
  currency: string;
  reference: string;
};

/**
 * What is wrong with a file or a row: `code` names its message in the `import.problems`
 * catalog and `values` fill it, so the browser's preview and the server's answer read the
 * same in the reader's language.
 */
export type ImportProblem = { code: string; values?: Record<string, string | number> };

export type BankCsvRow =
  | { rowNumber: number; line: BankCsvLine; error?: undefined }
  | { rowNumber: number; error: ImportProblem; line?: undefined };

export type BankCsvParse =
  { ok: true; headers: string[]; rows: BankCsvRow[] } | { ok: false; headers: string[]; error: ImportProblem };

export const MAX_ROWS = 20_000;
/** Under Next's 1 MB server action body limit, which the import goes through. */
export const MAX_FILE_BYTES = 900 * 1024;
export const MAX_REFERENCE_LENGTH = 500;

/** The header row and the first rows, to choose the mapping from. */
export function readHeaders(text: string): {
  headers: string[];
  sample: Record<string, string>[];
  error?: ImportProblem;
} {
  const result = Papa.parse<Record<string, string>>(stripBom(text), {
    header: true,
    skipEmptyLines: 'greedy',
    preview: 5,
  });
  const headers = (result.meta.fields ?? []).filter((field) => field.trim() !== '');
  if (headers.length < 2) return { headers, sample: [], error: { code: 'noHeader' } };
  return { headers, sample: result.data };
}

/** A best guess at the mapping from header names, for the page to start from. */
export function guessMapping(headers: string[]): BankCsvMapping {
  const find = (...patterns: RegExp[]) =>
    headers.find((header) => patterns.some((pattern) => pattern.test(header))) ?? '';
  return {
    date: find(/^date$/i, /booking|value date|dato|datum/i, /date/i),
    amount: find(/^amount$/i, /amount|beløb|betrag|sum/i),
    currency: find(/^currency$/i, /currency|valuta|währung|ccy/i),
    fixedCurrency: 'EUR',
    reference: find(/^reference$/i, /reference|text|description|memo|purpose|verwendungszweck|tekst/i),
    dateFormat: 'YYYY-MM-DD',
    decimalSeparator: '.',
  };
}

export function mappingProblem(mapping: BankCsvMapping, headers: string[]): ImportProblem | null {
  for (const column of ['date', 'amount', 'reference'] as const) {
    if (!mapping[column]) return { code: 'chooseColumn', values: { column } };
    if (!headers.includes(mapping[column])) return { code: 'columnMissing', values: { column, name: mapping[column] } };
  }
  if (mapping.currency && !headers.includes(mapping.currency))
    return { code: 'columnMissing', values: { column: 'currency', name: mapping.currency } };
  if (!mapping.currency && !isCurrencyCode(mapping.fixedCurrency)) return { code: 'chooseCurrency' };
  if (!(DATE_FORMATS as readonly string[]).includes(mapping.dateFormat)) return { code: 'chooseDateFormat' };
  if (mapping.decimalSeparator !== '.' && mapping.decimalSeparator !== ',') return { code: 'chooseDecimalSeparator' };
  return null;
}

export function parseBankCsv(text: string, mapping: BankCsvMapping): BankCsvParse {
  if (text.includes('\u0000')) return { ok: false, headers: [], error: { code: 'binary' } };
  const result = Papa.parse<Record<string, string>>(stripBom(text), { header: true, skipEmptyLines: 'greedy' });
  const headers = result.meta.fields ?? [];
  const fatal = result.errors.find((error) => error.code === 'UndetectableDelimiter' && headers.length < 2);
  if (fatal || headers.length < 2) return { ok: false, headers, error: { code: 'noHeader' } };
  if (result.data.length > MAX_ROWS)
    return { ok: false, headers, error: { code: 'tooManyRows', values: { rows: result.data.length, max: MAX_ROWS } } };
  const problem = mappingProblem(mapping, headers);
  if (problem) return { ok: false, headers, error: problem };

  const rowErrors = new Map<number, ImportProblem>();
  for (const error of result.errors) {
    if (error.row !== undefined && !rowErrors.has(error.row)) rowErrors.set(error.row, describeParseError(error));
  }
  const rows = result.data.map((record, index): BankCsvRow => {
    const rowNumber = index + 2;
    const structural = rowErrors.get(index);
    if (structural) return { rowNumber, error: structural };
    try {
      return { rowNumber, line: toLine(record, mapping, rowNumber) };
    } catch (error) {
      return { rowNumber, error: error instanceof RowError ? error.problem : { code: 'unreadable' } };
    }
  });
  return { ok: true, headers, rows };
}

class RowError extends Error {
  constructor(
    readonly code: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(code);
  }
  get problem(): ImportProblem {
    return { code: this.code, values: this.values };
  }
}

function toLine(record: Record<string, string>, mapping: BankCsvMapping, rowNumber: number): BankCsvLine {
  const currency = (mapping.currency ? (record[mapping.currency] ?? '') : mapping.fixedCurrency).trim().toUpperCase();
  if (!isCurrencyCode(currency)) throw new RowError('badCurrency', { value: record[mapping.currency] ?? '' });
  const date = parseDate(record[mapping.date] ?? '', mapping.dateFormat);
  const amountMinor = parseAmount(record[mapping.amount] ?? '', currency, mapping.decimalSeparator);
  if (amountMinor <= 0n) throw new RowError('notPositive');
  const reference = (record[mapping.reference] ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_REFERENCE_LENGTH);
  return { rowNumber, date, amountMinor, currency, reference };
}

function parseDate(raw: string, format: DateFormat): string {
  const text = raw.trim();
  const patterns: Record<DateFormat, [RegExp, (m: RegExpExecArray) => [string, string, string]]> = {
    'YYYY-MM-DD': [/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/, (m) => [m[1], m[2], m[3]]],
    'DD.MM.YYYY': [/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, (m) => [m[3], m[2], m[1]]],
    'DD/MM/YYYY': [/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, (m) => [m[3], m[2], m[1]]],
    'MM/DD/YYYY': [/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, (m) => [m[3], m[1], m[2]]],
    'DD-MM-YYYY': [/^(\d{1,2})-(\d{1,2})-(\d{4})$/, (m) => [m[3], m[2], m[1]]],
  };
  const [pattern, parts] = patterns[format];
  const match = pattern.exec(text);
  if (!match) throw text ? new RowError('dateFormat', { value: text, format }) : new RowError('dateEmpty');
  const [year, month, day] = parts(match).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new RowError('dateNotReal', { value: text });
  }
  return date.toISOString().slice(0, 10);
}

function parseAmount(raw: string, currency: string, decimalSeparator: '.' | ','): bigint {
  const text = raw.trim();
  if (!text) throw new RowError('amountEmpty');
  const thousands = decimalSeparator === '.' ? ',' : '.';
  // Spaces, non-breaking spaces and apostrophes group thousands in various locales.
  let plain = text
    .replace(/[\s\u00a0\u202f']/g, '')
    .split(thousands)
    .join('');
  if (decimalSeparator === ',') plain = plain.replace(',', '.');
  plain = plain.replace(/^\+/, '');
  if (!/^-?\d+(\.\d+)?$/.test(plain))
    throw new RowError('amountNotNumber', { value: text, separator: decimalSeparator });
  try {
    return toMinorUnits(plain, currency);
  } catch {
    throw new RowError('amountDecimals', { value: text, currency });
  }
}

function describeParseError(error: Papa.ParseError): ImportProblem {
  if (error.code === 'TooFewFields') return { code: 'tooFewFields' };
  if (error.code === 'TooManyFields') return { code: 'tooManyFields' };
  if (error.code === 'MissingQuotes' || error.code === 'InvalidQuotes') return { code: 'unclosedQuote' };
  return { code: 'unreadable' };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
