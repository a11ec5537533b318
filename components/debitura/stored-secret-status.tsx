import { useTranslations } from 'next-intl';
import type { StoredSecret } from '@/lib/debitura/store';

/** Where a webhook secret the connection stored stands (admin tables); never the secret itself. */
export function StoredSecretStatus({ status }: { status: StoredSecret['status'] }) {
  const t = useTranslations('connection.secrets');
  return <span>{status === 'active' ? t('storedActive') : t('storedRetiring')}</span>;
}
