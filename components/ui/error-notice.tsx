import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClasses } from '@/components/ui/button';

/**
 * The 403 and 404 pages' content, in the reader's language (the `errors.forbidden` and
 * `errors.notFound` messages). The proxy's 403 document (lib/auth/access-denied-page.ts)
 * follows the same look.
 */
export async function ErrorNotice({ kind }: { kind: 'forbidden' | 'notFound' }) {
  const t = await getTranslations(`errors.${kind}`);
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
