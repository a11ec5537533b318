'use client';

import { useTranslations } from 'next-intl';
import { Button, ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default function CaseError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('case');
  const tErrors = useTranslations('errors');
  return (
    <EmptyState
      title={t('error.title')}
      action={
        <>
          <Button onClick={reset}>{tErrors('tryAgain')}</Button>
          <ButtonLink href="/cases">{t('notFound.back')}</ButtonLink>
        </>
      }
    >
      {error.digest ? tErrors('ourSideCode', { digest: error.digest }) : tErrors('ourSide')}
    </EmptyState>
  );
}
