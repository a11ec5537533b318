import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionButton } from '@/components/payments/action-button';
import { BankLineTable } from '@/components/payments/bank-line-table';
import { CorrectMatch } from '@/components/payments/correct-match';
import { RegisterLines } from '@/components/payments/register-lines';
import { Card } from '@/components/ui/card';
import { Money } from '@/components/payments/money';
import { requirePermission } from '@/lib/auth/session';
import { formatMoney } from '@/lib/money/currency';
import { listRegistrableLines } from '@/lib/payments/bank-register';
import { getImport, importTotals, listImportLines } from '@/lib/payments/import-queries';
import { paymentChoicesForLine } from '@/lib/payments/matching';
import { rematchAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('import.result');
  return { title: t('statement') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ImportPage({ params, searchParams }: Props) {
  await requirePermission('payments:reconcile');
  const { id } = await params;
  const summary = await getImport(id);
  if (!summary) notFound();
  const [lines, totals, registrable] = await Promise.all([
    listImportLines(id),
    importTotals(id),
    listRegistrableLines({ importId: id }),
  ]);
  const lineParam = (await searchParams).line;
  const correcting = typeof lineParam === 'string' ? lines.find((line) => line.id === lineParam) : undefined;
  const choices = correcting ? await paymentChoicesForLine(correcting.id) : [];
  const [t, tPayments, format, locale] = await Promise.all([
    getTranslations('import'),
    getTranslations('payments'),
    getFormatter(),
    getLocale(),
  ]);

  return (
    <div className="space-y-5">
      <div>
        <Link href="/payments" className="text-sm text-slate-600 underline-offset-2 hover:underline">
          {t('backToPayments')}
        </Link>
        <h1 className="text-2xl font-semibold">{summary.fileName ?? t('result.statement')}</h1>
        <p className="text-sm text-slate-600">
          {t('result.imported', {
            when: format.dateTime(summary.importedAt, { dateStyle: 'medium', timeStyle: 'short' }),
            name: summary.importedByName ?? tPayments('formerUser'),
            rows: summary.rowCount,
            lines: summary.lineCount,
          })}
          {summary.duplicateLineCount ? t('result.duplicates', { count: summary.duplicateLineCount }) : ''}
          {summary.skippedRowCount ? t('result.skipped', { count: summary.skippedRowCount }) : ''}.
        </p>
      </div>

      <ul className="flex flex-wrap gap-3" aria-label={t('result.totalsLabel')} data-testid="import-totals">
        {totals.map((total) => (
          <li key={total.currency} className="rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm">
            <strong>{total.currency}</strong>: {t('result.lines', { count: total.lines })},{' '}
            <Money minor={total.amountMinor} currency={total.currency} />{' '}
            <span className="text-slate-600">
              {t('result.confirmed', { amount: formatMoney(total.confirmedMinor, total.currency, locale) })}
            </span>
          </li>
        ))}
      </ul>

      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-700">
          {summary.open ? <strong>{t('result.toCheck', { count: summary.open })}</strong> : t('result.allHandled')}{' '}
          {t('result.howTo')}
        </p>
        <ActionButton action={rematchAction} label={t('result.rematch')} />
      </div>

      {correcting ? <CorrectMatch importId={id} line={correcting} choices={choices} /> : null}
      <BankLineTable importId={id} lines={lines} />
      {registrable.length ? (
        <Card title={tPayments('register.title')} id="register-heading">
          <p className="mb-3 text-sm text-slate-600">{tPayments('register.intro')}</p>
          <RegisterLines lines={registrable} />
        </Card>
      ) : null}
    </div>
  );
}
