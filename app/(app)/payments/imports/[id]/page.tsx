import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionButton } from '@/components/payments/action-button';
import { BankLineTable } from '@/components/payments/bank-line-table';
import { CorrectMatch } from '@/components/payments/correct-match';
import { Money } from '@/components/payments/money';
import { LocalTime } from '@/components/ui/local-time';
import { requirePermission } from '@/lib/auth/session';
import { getImport, importTotals, listImportLines } from '@/lib/payments/import-queries';
import { paymentChoicesForLine } from '@/lib/payments/matching';
import { rematchAction } from '../../actions';

export const metadata: Metadata = { title: 'Bank statement' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ImportPage({ params, searchParams }: Props) {
  await requirePermission('payments:reconcile');
  const { id } = await params;
  const summary = await getImport(id);
  if (!summary) notFound();
  const [lines, totals] = await Promise.all([listImportLines(id), importTotals(id)]);
  const lineParam = (await searchParams).line;
  const correcting = typeof lineParam === 'string' ? lines.find((line) => line.id === lineParam) : undefined;
  const choices = correcting ? await paymentChoicesForLine(correcting.id) : [];

  return (
    <div className="space-y-5">
      <div>
        <Link href="/payments" className="text-sm text-slate-600 underline-offset-2 hover:underline">
          ← Payments
        </Link>
        <h1 className="text-2xl font-semibold">{summary.fileName ?? 'Bank statement'}</h1>
        <p className="text-sm text-slate-600">
          Imported <LocalTime value={summary.importedAt} /> by {summary.importedByName ?? 'a former user'}:{' '}
          {summary.rowCount} rows, {summary.lineCount} new lines
          {summary.duplicateLineCount ? `, ${summary.duplicateLineCount} already imported before` : ''}
          {summary.skippedRowCount ? `, ${summary.skippedRowCount} unreadable rows skipped` : ''}.
        </p>
      </div>

      <ul className="flex flex-wrap gap-3" aria-label="Totals per currency" data-testid="import-totals">
        {totals.map((total) => (
          <li key={total.currency} className="rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm">
            <strong>{total.currency}</strong>: {total.lines} line{total.lines === 1 ? '' : 's'},{' '}
            <Money minor={total.amountMinor} currency={total.currency} />
            <span className="text-slate-600">
              {' '}
              (<Money minor={total.confirmedMinor} currency={total.currency} /> confirmed)
            </span>
          </li>
        ))}
      </ul>

      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-700">
          {summary.open ? (
            <strong>
              {summary.open} line{summary.open === 1 ? '' : 's'} to check.
            </strong>
          ) : (
            'Every line is handled.'
          )}{' '}
          Confirm each suggestion, choose another payment, or mark a line as not ours.
        </p>
        <ActionButton action={rematchAction} label="Look for matches again" />
      </div>

      {correcting ? <CorrectMatch importId={id} line={correcting} choices={choices} /> : null}
      <BankLineTable importId={id} lines={lines} />
    </div>
  );
}
