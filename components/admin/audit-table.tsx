import { useTranslations } from 'next-intl';
import type { AuditRow } from '@/lib/admin/audit-log';
import { cellClass, headCellClass, tableClass, tableFrameClass } from './styles';
import { Time } from './time';

function describeDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail !== 'object') return String(detail);
  return Object.entries(detail as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}

/** Read-only by design: there is no edit or delete for an audit entry, here or anywhere. */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  const t = useTranslations('admin.audit');
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
              {t('when')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('whoHeading')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('action')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('target')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('detail')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id.toString()}
              className="border-b border-slate-100"
              data-testid="audit-row"
              data-action={row.action}
            >
              <td className={cellClass}>
                <Time date={row.at} />
              </td>
              <td className={cellClass}>{row.actorEmail ?? <span className="text-slate-500">{t('system')}</span>}</td>
              <td className={`${cellClass} font-mono text-xs`}>{row.action}</td>
              <td className={`${cellClass} text-xs`}>
                {row.targetType ? (
                  <>
                    <span className="text-slate-600">{row.targetType}</span>{' '}
                    <span className="font-mono break-all">{row.targetId}</span>
                    {row.subjectEmail ? (
                      <span className="block text-slate-700">{t('subjectUser', { email: row.subjectEmail })}</span>
                    ) : null}
                  </>
                ) : null}
              </td>
              <td className={`${cellClass} max-w-md text-xs break-words text-slate-700`}>
                {describeDetail(row.detail)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
