import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { withCursor } from '@/lib/admin/params';
import { secondaryButtonClass } from './styles';

/** Keyset paging: back to the newest rows, or on past the last row shown. */
export function Pager({
  path,
  filters,
  nextCursor,
}: {
  path: string;
  filters: Record<string, string | undefined>;
  nextCursor: string | null;
}) {
  const t = useTranslations('admin.pager');
  const isFirstPage = !filters.cursor;
  if (isFirstPage && !nextCursor) return null;
  return (
    <nav aria-label={t('label')} className="flex gap-2">
      {isFirstPage ? null : (
        <Link href={`${path}${withCursor(filters, null)}`} className={secondaryButtonClass}>
          {t('newest')}
        </Link>
      )}
      {nextCursor ? (
        <Link href={`${path}${withCursor(filters, nextCursor)}`} className={secondaryButtonClass} rel="next">
          {t('older')}
        </Link>
      ) : null}
    </nav>
  );
}
