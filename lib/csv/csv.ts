import Papa from 'papaparse';
import { currencyExponent } from '@/lib/money/currency';

/**
 * CSV exports: one way to write them. Amounts go out as plain decimals in major units
 * ("1234.56", no symbol, no grouping) beside their currency code, which every spreadsheet
 * reads as a number; text that a spreadsheet would run as a formula is neutralised.
 */

export type CsvValue = string | number | bigint | boolean | Date | null | undefined;
export type CsvColumn<Row> = { header: string; value: (row: Row) => CsvValue };

/** Minor units as a plain decimal string: 123456n EUR → "1234.56", 1500n JPY → "1500". */
export function minorToDecimal(minor: bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent ? `.${digits.slice(-exponent)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * Cells starting with = + - @ or a control character run as formulas in Excel and friends
 * (CSV injection): prefix them with an apostrophe. A plain number ("-12.50") is not a
 * formula and stays as it is, so negative amounts remain numbers.
 */
export function neutraliseFormula(text: string): string {
  if (/^-?\d+(\.\d+)?$/.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'bigint' || typeof value === 'number') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  return neutraliseFormula(value);
}

export function toCsv<Row>(columns: CsvColumn<Row>[], rows: Iterable<Row>): string {
  const data: string[][] = [];
  for (const row of rows) {
    data.push(columns.map((column) => cell(column.value(row))));
  }
  return Papa.unparse({ fields: columns.map((column) => column.header), data }, { newline: '\r\n' }) + '\r\n';
}

/** A CSV download: UTF-8 with a BOM so Excel reads accents right, never cached. */
export function csvResponse(fileName: string, csv: string): Response {
  const safeName = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${safeName}"`,
      'cache-control': 'no-store',
    },
  });
}
