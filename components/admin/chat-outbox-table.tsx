import Link from 'next/link';
import { retryChatAction } from '@/lib/admin/actions/chat';
import type { OutboxRow } from '@/lib/admin/chat-outbox';
import { ActionButton } from './action-button';
import { cellClass, headCellClass, linkClass, tableClass, tableFrameClass } from './styles';
import { Time } from './time';

export function ChatOutboxTable({
  rows,
  canRetry,
  caption,
}: {
  rows: OutboxRow[];
  canRetry: boolean;
  caption: string;
}) {
  return (
    <div className={tableFrameClass}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200">
          <tr>
            <th scope="col" className={headCellClass}>
              Written
            </th>
            <th scope="col" className={headCellClass}>
              Case
            </th>
            <th scope="col" className={headCellClass}>
              By
            </th>
            <th scope="col" className={headCellClass}>
              Message
            </th>
            <th scope="col" className={headCellClass}>
              Attempts
            </th>
            <th scope="col" className={headCellClass}>
              Last error
            </th>
            {canRetry ? (
              <th scope="col" className={headCellClass}>
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100" data-testid="outbox-row" data-status={row.status}>
              <td className={cellClass}>
                <Time date={row.at} />
              </td>
              <td className={cellClass}>
                <Link href={`/cases/${encodeURIComponent(row.caseReference)}`} className={`font-mono ${linkClass}`}>
                  {row.caseReference}
                </Link>
              </td>
              <td className={cellClass}>{row.authorName ?? row.authorEmail ?? '—'}</td>
              {/* Text, never HTML: whatever the collector typed is shown as typed. */}
              <td className={`${cellClass} max-w-sm break-words whitespace-pre-wrap`}>{row.message}</td>
              <td className={`${cellClass} tabular-nums`}>{row.attempts}</td>
              <td className={`${cellClass} max-w-xs text-xs break-words text-red-800`}>{row.lastError ?? '—'}</td>
              {canRetry ? (
                <td className={cellClass}>
                  <ActionButton
                    action={retryChatAction}
                    fields={{ id: row.id }}
                    label="Retry"
                    pendingLabel="Retrying…"
                    ariaLabel={`Retry the reply on case ${row.caseReference}`}
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
