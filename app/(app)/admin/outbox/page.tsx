import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { OutboxTable } from '@/components/admin/outbox-table';
import { retryOutboxAction } from '@/lib/admin/actions/outbox';
import { listOutbox } from '@/lib/admin/outbox';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { closeCodeLabel, recipientLabel } from '@/lib/i18n/vocabulary';
import { formatMoney } from '@/lib/money/currency';
import type { SummaryWords } from '@/lib/outbox/summary';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.outbox');
  return { title: t('title') };
}

export default async function OutboxPage() {
  const user = await requirePermission('deliveries:read');
  const [t, vocabulary, locale] = await Promise.all([
    getTranslations('admin.outbox'),
    getTranslations('vocabulary'),
    getLocale(),
  ]);
  const words: SummaryWords = {
    money: (minor, currency) => formatMoney(minor, currency, locale),
    recipient: (code) => recipientLabel(vocabulary, code) ?? code,
    closeCode: (code) => closeCodeLabel(vocabulary, code),
    payment: (id) => t('paymentSummary', { id }),
  };
  const [failed, retrying] = await Promise.all([listOutbox('failed', words), listOutbox('retrying', words)]);
  const canRetry = can(user, 'deliveries:reprocess');
  return (
    <div className="space-y-8">
      <section aria-labelledby="failed-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 id="failed-heading" className="text-2xl font-semibold">
              {t('failedHeading')}
            </h1>
            <p className="text-sm text-slate-600">{t('failedIntro')}</p>
          </div>
          {canRetry && failed.length > 1 ? (
            <ActionButton
              action={retryOutboxAction}
              fields={{ scope: 'failed' }}
              label={t('retryAll')}
              pendingLabel={t('retrying')}
            />
          ) : null}
        </div>
        {failed.length ? (
          <OutboxTable rows={failed} canRetry={canRetry} caption={t('failedCaption')} />
        ) : (
          <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600">
            {t('noneFailed')}
          </p>
        )}
      </section>
      <section aria-labelledby="retrying-heading" className="space-y-3">
        <h2 id="retrying-heading" className="text-lg font-semibold">
          {t('retryingHeading')}
        </h2>
        <p className="text-sm text-slate-600">{t('retryingIntro')}</p>
        {retrying.length ? (
          <OutboxTable rows={retrying} canRetry={canRetry} caption={t('retryingCaption')} />
        ) : (
          <p className="text-sm text-slate-600">{t('noneRetrying')}</p>
        )}
      </section>
    </div>
  );
}
