import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CreateTokenForm } from '@/components/admin/create-token-form';
import { TokenTable } from '@/components/admin/token-table';
import { listAllTokens } from '@/lib/admin/token-admin';
import { requirePermission } from '@/lib/auth/session';
import { listUsers } from '@/lib/users/users';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.tokens');
  return { title: t('title') };
}

export default async function TokensPage() {
  await requirePermission('tokens:manage-all');
  const [tokens, users, t] = await Promise.all([listAllTokens(), listUsers(), getTranslations('admin.tokens')]);
  const activeUsers = users.filter((user) => !user.disabledAt).map(({ id, email, name }) => ({ id, email, name }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-sm text-slate-600">
          {t.rich('intro', { header: 'Authorization: Bearer <token>', code: (chunks) => <code>{chunks}</code> })}
        </p>
      </div>
      <CreateTokenForm users={activeUsers} />
      <TokenTable tokens={tokens} />
    </div>
  );
}
