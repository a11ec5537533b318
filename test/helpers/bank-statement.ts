import type { BankCsvMapping } from '@/lib/payments/bank-csv';

/** The mapping of the tests' bank statements: `Date,Amount,Currency,Text` columns, ISO dates, a decimal dot. */
export const STATEMENT_MAPPING: BankCsvMapping = {
  date: 'Date',
  amount: 'Amount',
  currency: 'Currency',
  fixedCurrency: '',
  reference: 'Text',
  dateFormat: 'YYYY-MM-DD',
  decimalSeparator: '.',
};
