import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { repairAction } from '@/lib/debitura/actions';
import { isSubscriptionDisabled } from '@/lib/debitura/health';

/** On every page, for admins only: Debitura has disabled our webhook, so nothing new arrives until it is re-enabled. */
export async function DebituraDisabledBanner({ user }: { user: SessionUser }) {
  if (!can(user, 'debitura:manage')) return null;
  const disabled = await isSubscriptionDisabled().catch(() => null);
  if (!disabled) return null;
  const t = await getTranslations('connection');
  return (
    <div
      role="alert"
      className="border-b border-red-300 bg-red-50 text-sm text-red-900"
      data-testid="debitura-disabled-banner"
    >
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <p className="font-medium">
          <span aria-hidden="true">⚠ </span>
          {t('banner.text')} {disabled.reason ? t('banner.reason', { reason: disabled.reason }) : null}
        </p>
        <ActionButton action={repairAction} fields={{}} label={t('webhook.reenable')} />
        <Link
          href="/admin/debitura"
          className="underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-red-900"
        >
          {t('banner.open')}
        </Link>
      </div>
    </div>
  );
}
