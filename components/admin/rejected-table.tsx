import { useTranslations } from 'next-intl';
import type { RejectedRow } from '@/lib/admin/rejections';
import { cellClass, headCellClass, tableClass, tableFrameClass } from './styles';
import { RejectionReason } from './rejection-reason';
import { Time } from './time';

export function RejectedTable({ rows }: { rows: RejectedRow[] }) {
  const t = useTranslations('admin.rejected');
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
              {t('reason')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('answered')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('eventHeader')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('clientAddress')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id.toString()}
              className="border-b border-slate-100"
              data-testid="rejected-row"
              data-reason={row.reason}
            >
              <td className={cellClass}>
                <Time date={row.receivedAt} />
              </td>
              <td className={cellClass}>
                <RejectionReason reason={row.reason} />
              </td>
              <td className={`${cellClass} tabular-nums`}>{row.status}</td>
              <td className={`${cellClass} font-mono text-xs`}>{row.eventType ?? '—'}</td>
              <td className={`${cellClass} font-mono text-xs`}>{row.clientAddress ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
