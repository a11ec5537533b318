import { useTranslations } from 'next-intl';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default function CaseNotFound() {
  const t = useTranslations('case.notFound');
  return (
    <EmptyState title={t('title')} action={<ButtonLink href="/cases">{t('back')}</ButtonLink>}>
      {t('body')}
    </EmptyState>
  );
}
