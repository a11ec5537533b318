import { USAGE_WINDOW_DAYS, type SecretUsage } from '@/lib/admin/secret-usage';
import { cellClass, headCellClass, tableClass, tableFrameClass } from './styles';
import { Time } from './time';

export function SecretUsageTable({ usage }: { usage: SecretUsage[] }) {
  return (
    <div className={tableFrameClass}>
      <table className={tableClass} data-testid="secret-usage">
        <caption className="sr-only">Deliveries verified per webhook secret fingerprint</caption>
        <thead className="border-b border-slate-200">
          <tr>
            <th scope="col" className={headCellClass}>
              Secret fingerprint
            </th>
            <th scope="col" className={headCellClass}>
              Configured
            </th>
            <th scope="col" className={`${headCellClass} text-right`}>
              Last 24 h
            </th>
            <th scope="col" className={`${headCellClass} text-right`}>
              Last {USAGE_WINDOW_DAYS} days
            </th>
            <th scope="col" className={headCellClass}>
              Last verified a delivery
            </th>
          </tr>
        </thead>
        <tbody>
          {usage.map((row) => (
            <tr key={row.fingerprint ?? 'none'} className="border-b border-slate-100" data-testid="secret-usage-row">
              <td className={`${cellClass} font-mono`}>
                {row.fingerprint ?? <span className="font-sans text-slate-500">not recorded</span>}
              </td>
              <td className={cellClass}>
                {row.isConfigured ? (
                  <span>yes, secret #{row.position} in DEBITURA_WEBHOOK_SECRETS</span>
                ) : (
                  <span className="text-slate-600">no longer configured</span>
                )}
              </td>
              <td className={`${cellClass} text-right tabular-nums`}>{row.last24h}</td>
              <td className={`${cellClass} text-right tabular-nums`}>{row.lastWindow}</td>
              <td className={cellClass}>
                <Time date={row.lastSeenAt} empty={`not in ${USAGE_WINDOW_DAYS} days`} />
              </td>
            </tr>
          ))}
          {usage.length === 0 ? (
            <tr>
              <td colSpan={5} className={`${cellClass} text-center text-red-700`}>
                DEBITURA_WEBHOOK_SECRETS is empty: every delivery is being refused.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
