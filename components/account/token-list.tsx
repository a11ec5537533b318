import { useFormatter, useTranslations } from 'next-intl';
import { revokeTokenAction } from '@/app/(app)/account/actions';
import { TokenLifetime, TokenLifetimeHeading } from '@/components/security/token-lifetime';
import type { ApiTokenSummary } from '@/lib/auth/tokens';

const HEAD = 'py-2 pr-4 font-medium';

export function TokenList({ tokens }: { tokens: ApiTokenSummary[] }) {
  const t = useTranslations('account.tokens');
  const format = useFormatter();
  const when = (date: Date | null) =>
    date ? format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' }) : t('never');
  if (!tokens.length) return <p className="text-sm text-slate-600">{t('none')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className={HEAD}>
              {t('name')}
            </th>
            <th scope="col" className={HEAD}>
              {t('token')}
            </th>
            <th scope="col" className={HEAD}>
              {t('created')}
            </th>
            <th scope="col" className={HEAD}>
              {t('lastUsed')}
            </th>
            <th scope="col" className={HEAD}>
              <TokenLifetimeHeading />
            </th>
            <th scope="col" className="py-2 font-medium">
              <span className="sr-only">{t('status')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className="border-b border-slate-100" data-testid="token-row">
              <td className="py-2 pr-4">{token.name}</td>
              <td className="py-2 pr-4 font-mono">{token.prefix}…</td>
              <td className="py-2 pr-4">{when(token.createdAt)}</td>
              <td className="py-2 pr-4">{when(token.lastUsedAt)}</td>
              <td className="py-2 pr-4">
                <TokenLifetime token={token} />
              </td>
              <td className="py-2">
                {token.revokedAt ? (
                  <span className="text-slate-500">{t('revoked')}</span>
                ) : (
                  <form action={revokeTokenAction.bind(null, token.id)}>
                    <button
                      type="submit"
                      aria-label={t('revokeToken', { name: token.name })}
                      className="rounded-md border border-red-300 px-3 py-1 text-red-700 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-700"
                    >
                      {t('revoke')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
