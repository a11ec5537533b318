import type { RejectedRow } from '@/lib/admin/rejections';
import { cellClass, headCellClass, tableClass, tableFrameClass } from './styles';
import { Time } from './time';

export function RejectedTable({ rows }: { rows: RejectedRow[] }) {
  if (!rows.length) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600">
        No rejected deliveries match these filters.
      </p>
    );
  }
  return (
    <div className={tableFrameClass}>
      <table className={tableClass}>
        <caption className="sr-only">Rejected deliveries, newest first</caption>
        <thead className="border-b border-slate-200">
          <tr>
            <th scope="col" className={headCellClass}>
              Received
            </th>
            <th scope="col" className={headCellClass}>
              Reason
            </th>
            <th scope="col" className={headCellClass}>
              Answered
            </th>
            <th scope="col" className={headCellClass}>
              Event header
            </th>
            <th scope="col" className={headCellClass}>
              Client address
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
              <td className={`${cellClass} font-mono text-xs`}>{row.reason}</td>
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
