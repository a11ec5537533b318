import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClasses } from '@/components/ui/button';

/** What a person sees where they may not look: the same words on every 403. */
export async function ForbiddenNotice() {
  const t = await getTranslations('errors.forbidden');
  return (
    <div className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold tracking-wide text-slate-500 uppercase">{t('code')}</p>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-slate-600">{t('body')}</p>
      <Link href="/cases" className={buttonClasses()}>
        {t('back')}
      </Link>
    </div>
  );
}
