import { useTranslations } from 'next-intl';

/** Why a delivery was refused, in the reader's words, with the code the logs and the API use. */
export function RejectionReason({ reason }: { reason: string }) {
  const t = useTranslations('admin.rejected.reasons');
  const key = reason as Parameters<typeof t>[0];
  return (
    <>
      {t.has(key) ? `${t(key)} ` : null}
      <span className="font-mono text-xs text-slate-600">{reason}</span>
    </>
  );
}
