import type { Metadata } from 'next';
import { CreateTokenForm } from '@/components/admin/create-token-form';
import { TokenTable } from '@/components/admin/token-table';
import { listAllTokens } from '@/lib/admin/token-admin';
import { requirePermission } from '@/lib/auth/session';
import { listUsers } from '@/lib/users/users';

export const metadata: Metadata = { title: 'API tokens' };

export default async function TokensPage() {
  await requirePermission('tokens:manage-all');
  const [tokens, users] = await Promise.all([listAllTokens(), listUsers()]);
  const activeUsers = users.filter((user) => !user.disabledAt).map(({ id, email, name }) => ({ id, email, name }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">API tokens</h1>
        <p className="text-sm text-slate-600">
          A token acts as its user, with their role, on the JSON API (<code>Authorization: Bearer &lt;token&gt;</code>).
          It is shown once when created; only its hash is kept.
        </p>
      </div>
      <CreateTokenForm users={activeUsers} />
      <TokenTable tokens={tokens} />
    </div>
  );
}
