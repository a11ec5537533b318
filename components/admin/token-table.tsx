import { revokeTokenAction } from '@/lib/admin/actions/users';
import { TokenLifetime, TokenLifetimeHeading } from '@/components/security/token-lifetime';
import type { TokenRow } from '@/lib/admin/token-admin';
import { ActionButton } from './action-button';
import { cellClass, headCellClass, tableClass, tableFrameClass } from './styles';
import { Time } from './time';

export function TokenTable({ tokens }: { tokens: TokenRow[] }) {
  if (!tokens.length) return <p className="text-sm text-slate-600">No API tokens yet.</p>;
  return (
    <div className={tableFrameClass}>
      <table className={tableClass}>
        <caption className="sr-only">API tokens of all users</caption>
        <thead className="border-b border-slate-200">
          <tr>
            <th scope="col" className={headCellClass}>
              User
            </th>
            <th scope="col" className={headCellClass}>
              Name
            </th>
            <th scope="col" className={headCellClass}>
              Token
            </th>
            <th scope="col" className={headCellClass}>
              Created
            </th>
            <th scope="col" className={headCellClass}>
              Last used
            </th>
            <th scope="col" className={headCellClass}>
              <TokenLifetimeHeading />
            </th>
            <th scope="col" className={headCellClass}>
              Status
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
                <Time date={token.lastUsedAt} empty="never" />
              </td>
              <td className={cellClass}>
                <TokenLifetime token={token} />
              </td>
              <td className={cellClass}>
                {token.revokedAt ? (
                  <span className="text-slate-500">
                    Revoked <Time date={token.revokedAt} />
                  </span>
                ) : (
                  <ActionButton
                    action={revokeTokenAction}
                    fields={{ id: token.id }}
                    label="Revoke"
                    ariaLabel={`Revoke token ${token.name} of ${token.userEmail}`}
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
