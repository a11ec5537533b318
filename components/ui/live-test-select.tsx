import { useTranslations } from 'next-intl';
import { Select } from './select';

/** The live/test filter every list and report offers: test cases are kept apart, live by default. */
export function LiveTestSelect({ id, isTest }: { id: string; isTest: boolean | undefined }) {
  const t = useTranslations('common');
  return (
    <Select
      id={id}
      name="isTest"
      defaultValue={isTest ? 'true' : 'false'}
      options={[
        { value: 'false', label: t('live') },
        { value: 'true', label: t('test') },
      ]}
    />
  );
}
