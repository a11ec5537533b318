import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CreateTokenForm } from '@/components/account/create-token-form';
import { LanguageForm } from '@/components/account/language-form';
import { TokenList } from '@/components/account/token-list';
import { requireSessionUser } from '@/lib/auth/session';
import { listApiTokens } from '@/lib/auth/tokens';
import { isLocale } from '@/lib/i18n/locales';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('title') };
}

export default async function AccountPage() {
  const user = await requireSessionUser();
  const [tokens, t, tCommon] = await Promise.all([
    listApiTokens(user.id),
    getTranslations('account'),
    getTranslations('common'),
  ]);
  return (
    <div className="max-w-3xl space-y-8">
      <section aria-labelledby="account-heading" className="space-y-1">
        <h1 id="account-heading" className="text-2xl font-semibold">
          {t('title')}
        </h1>
        <p className="text-slate-600">
          {t('whoAmI', { name: user.name, email: user.email, role: tCommon(`role.${user.role}`) })}
        </p>
      </section>
      <section aria-labelledby="language-heading" className="space-y-3">
        <div>
          <h2 id="language-heading" className="text-lg font-semibold">
            {t('language.heading')}
          </h2>
          <p className="text-sm text-slate-600">{t('language.intro')}</p>
        </div>
        <LanguageForm current={isLocale(user.locale) ? user.locale : null} />
      </section>
      <section aria-labelledby="tokens-heading" className="space-y-4">
        <div>
          <h2 id="tokens-heading" className="text-lg font-semibold">
            {t('tokens.heading')}
          </h2>
          <p className="text-sm text-slate-600">
            {t.rich('tokens.intro', {
              header: 'Authorization: Bearer <token>',
              path: '/api/v1',
              code: (chunks) => <code>{chunks}</code>,
            })}
          </p>
        </div>
        <CreateTokenForm />
        <TokenList tokens={tokens} />
      </section>
    </div>
  );
}
