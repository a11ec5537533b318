import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { linkClass } from '@/components/admin/styles';

export default async function DeliveryNotFound() {
  const t = await getTranslations('admin.delivery.notFound');
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <p className="text-slate-600">{t('text')}</p>
      <Link href="/admin/deliveries" className={linkClass}>
        {t('back')}
      </Link>
    </div>
  );
}
