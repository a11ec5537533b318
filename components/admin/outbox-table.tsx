import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { retryOutboxAction } from '@/lib/admin/actions/outbox';
import type { OutboxRow } from '@/lib/admin/outbox';
import { ACTION_ERROR_CODES, isActionKind } from '@/lib/outbox/kinds';
import { ActionButton } from './action-button';
import { cellClass, headCellClass, linkClass, tableClass, tableFrameClass } from './styles';
import { Time } from './time';

export function OutboxTable({ rows, canRetry, caption }: { rows: OutboxRow[]; canRetry: boolean; caption: string }) {
  const t = useTranslations('admin.outbox');
  return (
    <div className={tableFrameClass}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200">
          <tr>
            <th scope="col" className={headCellClass}>
              {t('stored')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('case')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('by')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('action')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('what')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('attempts')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('lastError')}
            </th>
            {canRetry ? (
              <th scope="col" className={headCellClass}>
                <span className="sr-only">{t('actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              className="border-b border-slate-100"
              data-testid="outbox-row"
              data-status={row.status}
              data-kind={row.kind}
            >
              <td className={cellClass}>
                <Time date={row.at} />
              </td>
              <td className={cellClass}>
                <Link href={`/cases/${encodeURIComponent(row.caseReference)}`} className={`font-mono ${linkClass}`}>
                  {row.caseReference}
                </Link>
              </td>
              <td className={cellClass}>{row.actorName ?? row.actorEmail ?? '—'}</td>
              <td className={cellClass}>{isActionKind(row.kind) ? t(`kind.${row.kind}`) : row.kind}</td>
              {/* Text, never HTML: whatever the collector typed is shown as typed. */}
              <td className={`${cellClass} max-w-sm break-words whitespace-pre-wrap`}>{row.summary}</td>
              <td className={`${cellClass} tabular-nums`}>{row.attempts}</td>
              <td className={`${cellClass} max-w-xs text-xs break-words text-red-800`}>
                {row.errorCode ? (
                  <span className="font-semibold">
                    {(ACTION_ERROR_CODES as readonly string[]).includes(row.errorCode)
                      ? t(`errorCode.${row.errorCode}`)
                      : row.errorCode}
                    :{' '}
                  </span>
                ) : null}
                {row.lastError ?? '—'}
              </td>
              {canRetry ? (
                <td className={cellClass}>
                  <ActionButton
                    action={retryOutboxAction}
                    fields={{ id: row.id }}
                    label={t('retry')}
                    pendingLabel={t('retrying')}
                    ariaLabel={t('retryLabel', {
                      kind: isActionKind(row.kind) ? t(`kind.${row.kind}`) : row.kind,
                      reference: row.caseReference,
                    })}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
