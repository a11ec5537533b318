import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { DeliveryRow } from '@/lib/admin/deliveries';
import { DeliveryStatus, ModeBadge } from './delivery-status';
import { cellClass, headCellClass, linkClass, tableClass, tableFrameClass } from './styles';
import { Time } from './time';

export function DeliveryTable({
  rows,
  reprocess,
}: {
  rows: DeliveryRow[];
  reprocess?: (row: DeliveryRow) => React.ReactNode;
}) {
  const t = useTranslations('admin.deliveries');
  if (!rows.length) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600">{t('none')}</p>
    );
  }
  return (
    <div className={tableFrameClass}>
      <table className={tableClass}>
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="border-b border-slate-200">
          <tr>
            <th scope="col" className={headCellClass}>
              {t('received')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('event')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('case')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('status')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('mode')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('eventId')}
            </th>
            {reprocess ? (
              <th scope="col" className={headCellClass}>
                <span className="sr-only">{t('actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100" data-testid="delivery-row" data-status={row.status}>
              <td className={cellClass}>
                <Time date={row.receivedAt} />
              </td>
              <td className={`${cellClass} font-mono text-xs`}>{row.type}</td>
              <td className={cellClass}>
                {row.caseReference ? (
                  <Link href={`/cases/${encodeURIComponent(row.caseReference)}`} className={`font-mono ${linkClass}`}>
                    {row.caseReference}
                  </Link>
                ) : (
                  <span className="text-slate-500">—</span>
                )}
              </td>
              <td className={cellClass}>
                <DeliveryStatus status={row.status} duplicateCount={row.duplicateCount} />
                {row.error ? (
                  <p className="mt-1 max-w-xs truncate text-xs text-red-700" title={row.error}>
                    {row.error}
                  </p>
                ) : null}
              </td>
              <td className={cellClass}>
                <ModeBadge isTest={row.isTest} isReplay={row.isReplay} />
              </td>
              <td className={cellClass}>
                <Link
                  href={`/admin/deliveries/${encodeURIComponent(row.id)}`}
                  className={`font-mono text-xs ${linkClass}`}
                  aria-label={t('details', { type: row.type, id: row.id })}
                >
                  {row.id.length > 18 ? `${row.id.slice(0, 18)}…` : row.id}
                </Link>
              </td>
              {reprocess ? <td className={cellClass}>{row.status === 'failed' ? reprocess(row) : null}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
