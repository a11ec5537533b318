import { getFormatter, getTranslations } from 'next-intl/server';
import type { ApiTokenSummary } from '@/lib/auth/tokens';

type Token = Pick<ApiTokenSummary, 'expiresAt' | 'scope' | 'isSuperseded' | 'isExpired'>;

/** A token list's heading for the cell below. */
export async function TokenLifetimeHeading() {
  const t = await getTranslations('security');
  return <>{t('tokens.lifetimeHeading')}</>;
}

/** When a token stops working (or why it already has), and what it may do. */
export async function TokenLifetime({ token }: { token: Token }) {
  const t = await getTranslations('security');
  const format = await getFormatter();
  const date = token.expiresAt ? format.dateTime(token.expiresAt, { dateStyle: 'medium' }) : '';
  const lifetime = token.isSuperseded
    ? t('tokens.superseded')
    : !token.expiresAt
      ? t('tokens.neverExpires')
      : token.isExpired
        ? t('tokens.expired', { date })
        : t('tokens.expires', { date });
  return (
    <span data-testid="token-lifetime">
      {lifetime}
      <span className="block text-xs text-slate-500">
        {t(token.scope === 'read' ? 'tokens.scope.read' : 'tokens.scope.read-write')}
      </span>
    </span>
  );
}
