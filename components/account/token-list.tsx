import { revokeTokenAction } from '@/app/(app)/account/actions';
import { TokenLifetime, TokenLifetimeHeading } from '@/components/security/token-lifetime';
import type { ApiTokenSummary } from '@/lib/auth/tokens';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function when(date: Date | null): string {
  return date ? `${dateTime.format(date)} UTC` : 'never';
}

export function TokenList({ tokens }: { tokens: ApiTokenSummary[] }) {
  if (!tokens.length) return <p className="text-sm text-slate-600">You have no API tokens.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Your API tokens</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              Name
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Token
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Created
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Last used
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              <TokenLifetimeHeading />
            </th>
            <th scope="col" className="py-2 font-medium">
              <span className="sr-only">Status</span>
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
                  <span className="text-slate-500">Revoked</span>
                ) : (
                  <form action={revokeTokenAction.bind(null, token.id)}>
                    <button
                      type="submit"
                      aria-label={`Revoke token ${token.name}`}
                      className="rounded-md border border-red-300 px-3 py-1 text-red-700 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-700"
                    >
                      Revoke
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
