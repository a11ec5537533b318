import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ImportWizard } from '@/components/payments/import-wizard';
import { requirePermission } from '@/lib/auth/session';
import { importStatementAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('import');
  return { title: t('title') };
}

export default async function ImportStatementPage() {
  await requirePermission('payments:reconcile');
  const t = await getTranslations('import');
  return (
    <div className="space-y-4">
      <div>
        <Link href="/payments" className="text-sm text-slate-600 underline-offset-2 hover:underline">
          {t('backToPayments')}
        </Link>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="max-w-2xl text-sm text-slate-600">{t('intro')}</p>
      </div>
      <ImportWizard importAction={importStatementAction} />
    </div>
  );
}
