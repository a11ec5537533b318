import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { repairAction, rotateSecretAction } from '@/lib/debitura/actions';
import type { ConnectionStatus } from '@/lib/debitura/health';
import { defaultWebhookUrl } from '@/lib/debitura/webhook-url';
import { RegisterForm } from './connection-forms';
import { TestEventButton } from './test-event-button';

/** Our subscription as Debitura last reported it, with what can be done about it. */
export async function SubscriptionPanel({ status }: { status: ConnectionStatus }) {
  const t = await getTranslations('connection.webhook');
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  const subscription = status.subscription;
  const badge =
    subscription?.isActive === false
      ? { label: t('disabled'), className: 'border-red-300 bg-red-50 text-red-800' }
      : subscription?.isActive
        ? { label: t('active'), className: 'border-emerald-300 bg-emerald-50 text-emerald-800' }
        : { label: t('unknown'), className: 'border-slate-300 bg-slate-50 text-slate-700' };
  return (
    <section aria-labelledby="webhook-heading" className="space-y-3">
      <h2 id="webhook-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      {subscription ? (
        <div className="space-y-2 text-sm" role="status" aria-live="polite">
          <p className="flex flex-wrap items-center gap-2">
            <span
              data-testid="subscription-state"
              className={`rounded border px-2 py-0.5 font-medium ${badge.className}`}
            >
              {badge.label}
            </span>
            <span>{t('mode', { isTest: String(subscription.isTestMode) })}</span>
            {status.checkedAt ? (
              <span className="text-slate-600">{t('checkedAt', { time: when(status.checkedAt) })}</span>
            ) : null}
          </p>
          {subscription.isActive === false ? (
            <p className="text-red-800">
              {t('disabledReason', { reason: subscription.disabledReason ?? '—' })}{' '}
              {subscription.disabledSince ? t('disabledSince', { time: when(subscription.disabledSince) }) : null}
            </p>
          ) : null}
          <dl className="grid max-w-3xl grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt className="text-slate-600">{t('ourUrl')}</dt>
            <dd className="break-all">{subscription.url ?? '—'}</dd>
            <dt className="text-slate-600">{t('theirUrl')}</dt>
            <dd className="break-all">{subscription.remoteUrl ?? '—'}</dd>
            <dt className="text-slate-600">{t('lastDelivery')}</dt>
            <dd>{status.lastDeliveryAt ? when(status.lastDeliveryAt) : t('never')}</dd>
          </dl>
          {subscription.isUrlDrifted ? <p className="text-amber-800">{t('urlDrift')}</p> : null}
          {subscription.missingEvents.length ? (
            <p className="text-amber-800">{t('missingEvents', { events: subscription.missingEvents.join(', ') })}</p>
          ) : null}
          <p>{t('rejections', { count: status.rejectionsLastHour })}</p>
          <div className="flex flex-wrap items-center gap-3">
            {subscription.isActive === false ? (
              <ActionButton action={repairAction} fields={{}} label={t('reenable')} />
            ) : null}
            <ActionButton action={rotateSecretAction} fields={{}} label={t('rotate')} />
            {subscription.isTestMode ? <TestEventButton /> : null}
          </div>
        </div>
      ) : (
        <p className="text-sm">{t('none')}</p>
      )}
      {status.apiKeySource ? (
        <RegisterForm
          defaultUrl={subscription?.url ?? defaultWebhookUrl() ?? ''}
          isRegistered={Boolean(subscription)}
          isTestMode={subscription?.isTestMode ?? false}
        />
      ) : null}
    </section>
  );
}
