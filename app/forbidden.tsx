import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClasses } from '@/components/ui/button';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors.forbidden');
  return { title: t('metaTitle') };
}

/** Rendered with HTTP 403 by forbidden() (see requirePermission in lib/auth/session.ts). */
export default async function Forbidden() {
  const t = await getTranslations('errors.forbidden');
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold tracking-wide text-slate-500 uppercase">{t('code')}</p>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-slate-600">{t('body')}</p>
      <Link href="/cases" className={buttonClasses()}>
        {t('back')}
      </Link>
    </main>
  );
}
