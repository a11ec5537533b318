'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/** A failure while loading cases (the database may be unreachable): say so and offer a retry. */
export default function CasesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <EmptyState title={t('casesTitle')} action={<Button onClick={reset}>{t('tryAgain')}</Button>}>
      {t('notYourFilters')} {error.digest ? t('ourSideCode', { digest: error.digest }) : t('ourSide')}
    </EmptyState>
  );
}
