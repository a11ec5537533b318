import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ApiKeyForm } from '@/components/debitura/connection-forms';
import { SecretsTable } from '@/components/debitura/secrets-table';
import { SubscriptionPanel } from '@/components/debitura/subscription-panel';
import { SyncPanel } from '@/components/debitura/sync-panel';
import { requirePermission } from '@/lib/auth/session';
import { checkHealthIfStale, getConnectionStatus } from '@/lib/debitura/health';
import { getSyncProgress } from '@/lib/debitura/progress';

export const metadata: Metadata = { title: 'Debitura' };
export const dynamic = 'force-dynamic';

/** The connection to Debitura: key, webhook and its health, secrets, import and repairs. */
export default async function DebituraPage() {
  await requirePermission('debitura:manage');
  const t = await getTranslations('connection');
  // A fresh look at Debitura on load (at most every 30 s); a failure is shown, not thrown.
  await checkHealthIfStale();
  const [status, progress] = await Promise.all([getConnectionStatus(), getSyncProgress()]);
  const encryption =
    status.encryptionKeySource === 'CASEDESK_ENCRYPTION_KEY'
      ? t('key.encryptionEnv')
      : status.encryptionKeySource === 'AUTH_SECRET'
        ? t('key.encryptionAuth')
        : t('key.encryptionNone');
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-sm text-slate-600">{t('intro')}</p>
      </div>

      <section aria-labelledby="key-heading" className="space-y-3">
        <h2 id="key-heading" className="text-lg font-semibold">
          {t('key.heading')}
        </h2>
        <div className="space-y-1 text-sm" role="status" aria-live="polite">
          <p>
            {status.apiKeySource === 'env'
              ? t('key.fromEnv')
              : status.apiKeySource === 'stored'
                ? t('key.stored')
                : t('key.none')}
          </p>
          {status.agencyName ? <p data-testid="agency-name">{t('key.agency', { name: status.agencyName })}</p> : null}
          {status.checkError ? (
            <p className="text-red-700">{t('webhook.checkFailed', { problem: t(`problems.${status.checkError}`) })}</p>
          ) : null}
          <p className="text-slate-600">{encryption}</p>
        </div>
        {status.apiKeySource === 'env' ? null : <ApiKeyForm />}
      </section>

      <SubscriptionPanel status={status} />
      <SecretsTable secrets={status.secrets} />
      <SyncPanel initial={progress} />
    </div>
  );
}
