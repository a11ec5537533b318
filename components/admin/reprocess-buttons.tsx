import { useTranslations } from 'next-intl';
import { reprocessAction } from '@/lib/admin/actions/deliveries';
import { ActionButton } from './action-button';

export function ReprocessButton({ id }: { id: string }) {
  const t = useTranslations('admin.reprocess');
  return (
    <ActionButton
      action={reprocessAction}
      fields={{ id }}
      label={t('one')}
      pendingLabel={t('pending')}
      ariaLabel={t('oneLabel', { id })}
    />
  );
}

export function ReprocessAllButton() {
  const t = useTranslations('admin.reprocess');
  return (
    <ActionButton action={reprocessAction} fields={{ scope: 'failed' }} label={t('all')} pendingLabel={t('pending')} />
  );
}
