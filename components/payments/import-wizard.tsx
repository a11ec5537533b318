'use client';

import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useMemo, useState, useTransition } from 'react';
import type { ImportActionState } from '@/app/(app)/payments/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { formatMoney } from '@/lib/money/currency';
import {
  DATE_FORMATS,
  guessMapping,
  MAX_FILE_BYTES,
  parseBankCsv,
  readHeaders,
  type BankCsvMapping,
  type ImportProblem,
} from '@/lib/payments/bank-csv';
import { PreviewTable } from './import-preview';

type Props = {
  importAction: (input: {
    fileName: string | null;
    text: string;
    mapping: BankCsvMapping;
  }) => Promise<ImportActionState>;
};

const PREVIEW_ROWS = 20;

/**
 * Upload → choose the columns → preview → import. The file is read and parsed in the
 * browser with the same parser the server runs again on import, so the preview shows exactly
 * which rows will be imported and what is wrong with the others.
 */
export function ImportWizard({ importAction }: Props) {
  const t = useTranslations('import');
  const locale = useLocale();
  const describe = (problem: ImportProblem) => t(`problems.${problem.code}` as never, problem.values as never);
  const [file, setFile] = useState<{ name: string; text: string; headers: string[] } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<BankCsvMapping | null>(null);
  const [result, setResult] = useState<ImportActionState | null>(null);
  const [isImporting, startImport] = useTransition();

  const parsed = useMemo(() => (file && mapping ? parseBankCsv(file.text, mapping) : null), [file, mapping]);
  const good = parsed?.ok ? parsed.rows.filter((row) => row.line) : [];
  const bad = parsed?.ok ? parsed.rows.filter((row) => row.error) : [];
  const perCurrency = new Map<string, { lines: number; minor: bigint }>();
  for (const { line } of good) {
    if (!line) continue;
    const total = perCurrency.get(line.currency) ?? { lines: 0, minor: 0n };
    perCurrency.set(line.currency, { lines: total.lines + 1, minor: total.minor + line.amountMinor });
  }

  async function onFile(selected: File | undefined) {
    setResult(null);
    setFile(null);
    setMapping(null);
    setFileError(null);
    if (!selected) return;
    if (selected.size > MAX_FILE_BYTES) {
      setFileError(t('wizard.fileTooLarge', { size: Math.ceil(selected.size / 1024), max: MAX_FILE_BYTES / 1024 }));
      return;
    }
    const text = await selected.text();
    const { headers, error } = readHeaders(text);
    if (error) {
      setFileError(describe(error));
      return;
    }
    setFile({ name: selected.name, text, headers });
    setMapping(guessMapping(headers));
  }

  function update<K extends keyof BankCsvMapping>(key: K, value: BankCsvMapping[K]) {
    setResult(null);
    setMapping((current) => (current ? { ...current, [key]: value } : current));
  }

  function onImport() {
    if (!file || !mapping) return;
    startImport(async () => setResult(await importAction({ fileName: file.name, text: file.text, mapping })));
  }

  const columnOptions = [
    { value: '', label: t('wizard.chooseColumn') },
    ...(file?.headers ?? []).map((header) => ({ value: header, label: header })),
  ];

  return (
    <div className="space-y-6">
      <section aria-labelledby="step-file" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="step-file" className="font-semibold">
          {t('wizard.stepFile')}
        </h2>
        <Field label={t('wizard.fileLabel')} htmlFor="statement-file" hint={t('wizard.fileHint')} error={fileError}>
          <input
            id="statement-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(event) => onFile(event.currentTarget.files?.[0])}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'statement-file-error' : 'statement-file-hint'}
            className="block text-sm"
          />
        </Field>
      </section>

      {file && mapping ? (
        <section aria-labelledby="step-columns" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="step-columns" className="font-semibold">
            {t('wizard.stepColumns')}
          </h2>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <Field label={t('wizard.dateColumn')} htmlFor="map-date">
              <Select
                id="map-date"
                value={mapping.date}
                onChange={(event) => update('date', event.target.value)}
                options={columnOptions}
              />
            </Field>
            <Field label={t('wizard.dateFormat')} htmlFor="map-date-format">
              <Select
                id="map-date-format"
                value={mapping.dateFormat}
                onChange={(event) => update('dateFormat', event.target.value as BankCsvMapping['dateFormat'])}
                options={DATE_FORMATS.map((format) => ({ value: format, label: format }))}
              />
            </Field>
            <Field label={t('wizard.amountColumn')} htmlFor="map-amount">
              <Select
                id="map-amount"
                value={mapping.amount}
                onChange={(event) => update('amount', event.target.value)}
                options={columnOptions}
              />
            </Field>
            <Field label={t('wizard.decimalSeparator')} htmlFor="map-decimal">
              <Select
                id="map-decimal"
                value={mapping.decimalSeparator}
                onChange={(event) => update('decimalSeparator', event.target.value as '.' | ',')}
                options={[
                  { value: '.', label: t('wizard.decimalPoint') },
                  { value: ',', label: t('wizard.decimalComma') },
                ]}
              />
            </Field>
            <Field label={t('wizard.currencyColumn')} htmlFor="map-currency">
              <Select
                id="map-currency"
                value={mapping.currency}
                onChange={(event) => update('currency', event.target.value)}
                options={[{ value: '', label: t('wizard.noCurrencyColumn') }, ...columnOptions.slice(1)]}
              />
            </Field>
            {mapping.currency ? null : (
              <Field label={t('wizard.fileCurrency')} htmlFor="map-fixed-currency">
                <Input
                  id="map-fixed-currency"
                  value={mapping.fixedCurrency}
                  maxLength={3}
                  onChange={(event) => update('fixedCurrency', event.target.value.toUpperCase())}
                  placeholder="EUR"
                />
              </Field>
            )}
            <Field label={t('wizard.referenceColumn')} htmlFor="map-reference">
              <Select
                id="map-reference"
                value={mapping.reference}
                onChange={(event) => update('reference', event.target.value)}
                options={columnOptions}
              />
            </Field>
          </div>
        </section>
      ) : null}

      {parsed ? (
        <section aria-labelledby="step-preview" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="step-preview" className="font-semibold">
            {t('wizard.stepPreview')}
          </h2>
          {parsed.ok ? (
            <>
              <p className="text-sm" data-testid="preview-summary">
                {t.rich(bad.length ? 'wizard.summaryWithBad' : 'wizard.summary', {
                  good: good.length,
                  total: parsed.rows.length,
                  bad: bad.length,
                  strong: (chunks) => <strong>{chunks}</strong>,
                  flag: (chunks) => <strong className="text-red-700">{chunks}</strong>,
                })}
              </p>
              {perCurrency.size ? (
                <ul
                  className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700"
                  aria-label={t('wizard.totalsLabel')}
                  data-testid="preview-totals"
                >
                  {[...perCurrency]
                    .sort(([a], [b]) => a.localeCompare(b))
                    .map(([currency, total]) => (
                      <li key={currency}>
                        {t('wizard.currencyTotal', {
                          currency,
                          lines: total.lines,
                          amount: formatMoney(total.minor, currency, locale),
                        })}
                      </li>
                    ))}
                </ul>
              ) : null}
              <PreviewTable
                rows={parsed.rows.slice(0, PREVIEW_ROWS)}
                caption={t('wizard.firstRows', { count: Math.min(PREVIEW_ROWS, parsed.rows.length) })}
              />
              {bad.length ? (
                <div>
                  <h3 className="text-sm font-semibold text-red-800">{t('wizard.skippedTitle')}</h3>
                  <ul
                    className="mt-1 max-h-64 list-inside list-disc overflow-y-auto text-sm text-red-800"
                    data-testid="row-errors"
                  >
                    {bad.slice(0, 500).map((row) => (
                      <li key={row.rowNumber}>
                        {t('wizard.rowError', { row: row.rowNumber, error: row.error ? describe(row.error) : '' })}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <div className="flex flex-wrap items-center gap-3">
                <Button onClick={onImport} disabled={isImporting || !good.length}>
                  {isImporting ? t('wizard.importing') : t('wizard.import', { count: good.length })}
                </Button>
              </div>
            </>
          ) : (
            <Alert tone="error">{describe(parsed.error)}</Alert>
          )}
          {result?.message ? (
            <Alert tone={result.status === 'error' ? 'warning' : 'info'}>
              {result.message}{' '}
              {result.importId ? (
                <Link href={`/payments/imports/${result.importId}`} className="underline">
                  {t('wizard.openImport')}
                </Link>
              ) : null}
            </Alert>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
