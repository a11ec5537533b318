import type { Metadata } from 'next';
import { CreateTokenForm } from '@/components/account/create-token-form';
import { TokenList } from '@/components/account/token-list';
import { requireSessionUser } from '@/lib/auth/session';
import { listApiTokens } from '@/lib/auth/tokens';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const user = await requireSessionUser();
  const tokens = await listApiTokens(user.id);
  return (
    <div className="max-w-3xl space-y-8">
      <section aria-labelledby="account-heading" className="space-y-1">
        <h1 id="account-heading" className="text-2xl font-semibold">
          Account
        </h1>
        <p className="text-slate-600">
          {user.name} · {user.email} · <span className="capitalize">{user.role}</span>
        </p>
      </section>
      <section aria-labelledby="tokens-heading" className="space-y-4">
        <div>
          <h2 id="tokens-heading" className="text-lg font-semibold">
            API tokens
          </h2>
          <p className="text-sm text-slate-600">
            Send a token as <code>Authorization: Bearer &lt;token&gt;</code> to the JSON API (<code>/api/v1</code>). It
            acts with your role.
          </p>
        </div>
        <CreateTokenForm />
        <TokenList tokens={tokens} />
      </section>
    </div>
  );
}
