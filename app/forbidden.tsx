import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/ui/error-notice';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors.forbidden');
  return { title: t('metaTitle') };
}

/**
 * Drawn by forbidden() where a server action or a client-side navigation meets it. Pages and
 * layouts return <ForbiddenPage /> instead, so the 403 is in the server's HTML.
 */
export default function Forbidden() {
  return (
    <main>
      <ErrorNotice kind="forbidden" />
    </main>
  );
}
