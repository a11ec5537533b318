import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { cellClass, headCellClass, tableClass, tableFrameClass } from '@/components/admin/styles';
import { dropSecretAction } from '@/lib/debitura/actions';
import type { ConnectionStatus } from '@/lib/debitura/health';

/** The stored signing secrets, by fingerprint only: a retiring one can be removed by hand before it retires by itself. */
export async function SecretsTable({ secrets }: { secrets: ConnectionStatus['secrets'] }) {
  const t = await getTranslations('connection.secrets');
  const format = await getFormatter();
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  return (
    <section aria-labelledby="secrets-heading" className="space-y-3">
      <h2 id="secrets-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      {secrets.length ? (
        <div className={tableFrameClass}>
          <table className={tableClass}>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={headCellClass}>
                  {t('fingerprint')}
                </th>
                <th scope="col" className={headCellClass}>
                  {t('status')}
                </th>
                <th scope="col" className={headCellClass}>
                  {t('created')}
                </th>
                <th scope="col" className={headCellClass}>
                  {t('lastUsed')}
                </th>
                <th scope="col" className={headCellClass}>
                  <span className="sr-only">{t('drop')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {secrets.map((secret) => (
                <tr key={secret.id} className="border-t border-slate-100">
                  <td className={`${cellClass} font-mono`}>{secret.fingerprint}</td>
                  <td className={cellClass}>{t(secret.status)}</td>
                  <td className={cellClass}>{when(secret.createdAt)}</td>
                  <td className={cellClass}>{when(secret.lastUsedAt)}</td>
                  <td className={cellClass}>
                    {secret.status === 'retiring' ? (
                      <ActionButton
                        action={dropSecretAction}
                        fields={{ id: secret.id }}
                        label={t('drop')}
                        ariaLabel={`${t('drop')} ${secret.fingerprint}`}
                        isDanger
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t('none')}</p>
      )}
    </section>
  );
}
