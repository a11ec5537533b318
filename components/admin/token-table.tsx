import { useTranslations } from 'next-intl';
import { revokeTokenAction } from '@/lib/admin/actions/users';
import { TokenLifetime, TokenLifetimeHeading } from '@/components/security/token-lifetime';
import type { TokenRow } from '@/lib/admin/token-admin';
import { ActionButton } from './action-button';
import { cellClass, headCellClass, tableClass, tableFrameClass } from './styles';
import { Time } from './time';

export function TokenTable({ tokens }: { tokens: TokenRow[] }) {
  const t = useTranslations('admin.tokens');
  if (!tokens.length) return <p className="text-sm text-slate-600">{t('none')}</p>;
  return (
    <div className={tableFrameClass}>
      <table className={tableClass}>
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="border-b border-slate-200">
          <tr>
            <th scope="col" className={headCellClass}>
              {t('user')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('name')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('token')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('created')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('lastUsed')}
            </th>
            <th scope="col" className={headCellClass}>
              <TokenLifetimeHeading />
            </th>
            <th scope="col" className={headCellClass}>
              {t('status')}
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className="border-b border-slate-100" data-testid="admin-token-row">
              <td className={cellClass}>{token.userEmail}</td>
              <td className={cellClass}>{token.name}</td>
              <td className={`${cellClass} font-mono`}>{token.prefix}…</td>
              <td className={cellClass}>
                <Time date={token.createdAt} />
              </td>
              <td className={cellClass}>
                <Time date={token.lastUsedAt} empty={t('never')} />
              </td>
              <td className={cellClass}>
                <TokenLifetime token={token} />
              </td>
              <td className={cellClass}>
                {token.revokedAt ? (
                  <span className="text-slate-500">
                    {t('revoked')} <Time date={token.revokedAt} />
                  </span>
                ) : (
                  <ActionButton
                    action={revokeTokenAction}
                    fields={{ id: token.id }}
                    label={t('revoke')}
                    ariaLabel={t('revokeToken', { name: token.name, email: token.userEmail })}
                    isDanger
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
