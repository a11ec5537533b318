import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClasses } from '@/components/ui/button';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors.notFound');
  return { title: t('metaTitle') };
}

/** Any address the app does not have, answered with HTTP 404 in the reader's language. */
export default async function NotFound() {
  const t = await getTranslations('errors.notFound');
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
