import { useTranslations } from 'next-intl';
import type { UserSummary } from '@/lib/users/users';
import { cellClass, headCellClass, tableClass, tableFrameClass } from './styles';
import { Time } from './time';
import { DisableButton, ResetPasswordForm, RoleForm } from './user-actions';

export function UserTable({ users, currentUserId }: { users: UserSummary[]; currentUserId: string }) {
  const t = useTranslations('admin');
  const common = useTranslations('common');
  return (
    <div className={tableFrameClass}>
      <table className={tableClass}>
        <caption className="sr-only">{t('users.title')}</caption>
        <thead className="border-b border-slate-200">
          <tr>
            <th scope="col" className={headCellClass}>
              {t('users.user')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('users.role')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('users.status')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('users.added')}
            </th>
            <th scope="col" className={headCellClass}>
              {t('users.password')}
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((summary) => {
            const user = { ...summary, isDisabled: summary.disabledAt !== null };
            const isSelf = user.id === currentUserId;
            return (
              <tr key={user.id} className="border-b border-slate-100" data-testid="user-row">
                <td className={cellClass}>
                  <span className="block font-medium">{user.name}</span>
                  <span className="block text-slate-600">{user.email}</span>
                </td>
                <td className={cellClass}>
                  {isSelf ? (
                    <span>{t('users.you', { role: common(`role.${user.role}`) })}</span>
                  ) : (
                    <RoleForm user={user} />
                  )}
                </td>
                <td className={cellClass}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className={user.isDisabled ? 'font-medium text-red-700' : 'text-emerald-800'}>
                      {user.isDisabled ? t('users.disabled') : t('users.active')}
                    </span>
                    {isSelf ? null : <DisableButton user={user} />}
                  </div>
                </td>
                <td className={cellClass}>
                  <Time date={user.createdAt} />
                </td>
                <td className={cellClass}>
                  <ResetPasswordForm user={user} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
