import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/ui/error-notice';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors.notFound');
  return { title: t('metaTitle') };
}

/** Any address the app does not have, answered with HTTP 404 in the reader's language. */
export default function NotFound() {
  return (
    <main>
      <ErrorNotice kind="notFound" />
    </main>
  );
}
