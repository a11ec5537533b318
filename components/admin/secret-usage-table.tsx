import { useTranslations } from 'next-intl';
import { StoredSecretStatus } from '@/components/debitura/stored-secret-status';
import { USAGE_WINDOW_DAYS, type SecretUsage } from '@/lib/admin/secret-usage';
import { cellClass, headCellClass, tableClass, tableFrameClass } from './styles';
import { Time } from './time';

export function SecretUsageTable({ usage }: { usage: SecretUsage[] }) {
  const t = useTranslations('admin.secrets');
  return (
    <div className={tableFrameClass}>
      <table className={tableClass} data-testid="secret-usage">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="border-b border-slate-200">
          <tr>
            <th scope="col" className={headCellClass}>
              {t('fingerprint')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('configured')}
            </th>
            <th scope="col" className={`${headCellClass} text-right`}>
              {t('last24h')}
            </th>
            <th scope="col" className={`${headCellClass} text-right`}>
              {t('lastDays', { days: USAGE_WINDOW_DAYS })}
            </th>
            <th scope="col" className={headCellClass}>
              {t('lastSeen')}
            </th>
          </tr>
        </thead>
        <tbody>
          {usage.map((row) => (
            <tr key={row.fingerprint ?? 'none'} className="border-b border-slate-100" data-testid="secret-usage-row">
              <td className={`${cellClass} font-mono`}>
                {row.fingerprint ?? <span className="font-sans text-slate-500">{t('notRecorded')}</span>}
              </td>
              <td className={cellClass}>
                {row.storedStatus ? (
                  <StoredSecretStatus status={row.storedStatus} />
                ) : row.isConfigured ? (
                  <span>
                    {t('configuredAt', { position: row.position ?? '—', variable: 'DEBITURA_WEBHOOK_SECRETS' })}
                  </span>
                ) : (
                  <span className="text-slate-600">{t('notConfigured')}</span>
                )}
              </td>
              <td className={`${cellClass} text-right tabular-nums`}>{row.last24h}</td>
              <td className={`${cellClass} text-right tabular-nums`}>{row.lastWindow}</td>
              <td className={cellClass}>
                <Time date={row.lastSeenAt} empty={t('notInDays', { days: USAGE_WINDOW_DAYS })} />
              </td>
            </tr>
          ))}
          {usage.length === 0 ? (
            <tr>
              <td colSpan={5} className={`${cellClass} text-center text-red-700`}>
                {t('noSecrets', { variable: 'DEBITURA_WEBHOOK_SECRETS' })}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
