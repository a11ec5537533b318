import type { Metadata } from 'next';
import Link from 'next/link';
import { ImportWizard } from '@/components/payments/import-wizard';
import { requirePermission } from '@/lib/auth/session';
import { importStatementAction } from '../actions';

export const metadata: Metadata = { title: 'Import bank statement' };

export default async function ImportStatementPage() {
  await requirePermission('payments:reconcile');
  return (
    <div className="space-y-4">
      <div>
        <Link href="/payments" className="text-sm text-slate-600 underline-offset-2 hover:underline">
          ← Payments
        </Link>
        <h1 className="text-2xl font-semibold">Import a bank statement</h1>
        <p className="max-w-2xl text-sm text-slate-600">
          Each line is matched to a payment by exact amount and currency, the case reference in its text and the nearest
          date. You confirm or correct every suggestion afterwards. Importing the same file again changes nothing; a
          line already imported from another statement is skipped.
        </p>
      </div>
      <ImportWizard importAction={importStatementAction} />
    </div>
  );
}
