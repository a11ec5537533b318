import { useTranslations } from 'next-intl';

/** Test cases must never be mistaken for real debts. */
export function TestCaseBanner() {
  const t = useTranslations('case');
  return (
    <div
      role="note"
      className="rounded-md border-2 border-dashed border-amber-400 bg-amber-50 px-4 py-2 text-sm text-amber-900"
      data-testid="test-case-banner"
    >
      {t.rich('testBanner', { strong: (chunks) => <strong className="font-semibold">{chunks}</strong> })}
    </div>
  );
}
