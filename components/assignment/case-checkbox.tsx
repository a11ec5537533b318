import { useTranslations } from 'next-intl';
import { BULK_ASSIGN_FORM_ID } from './form-id';

/** A row's checkbox for the bulk-assign bar; it can sit anywhere in the page (form attribute). */
export function CaseCheckbox({ caseId, reference }: { caseId: string; reference: string }) {
  const t = useTranslations('assignment.bulk');
  return (
    <input
      type="checkbox"
      name="caseId"
      value={caseId}
      form={BULK_ASSIGN_FORM_ID}
      aria-label={t('selectCase', { reference })}
      className="size-4"
    />
  );
}
