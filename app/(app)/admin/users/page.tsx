import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UserTable } from '@/components/admin/user-table';
import { requirePermission } from '@/lib/auth/session';
import { listUsers } from '@/lib/users/users';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.users');
  return { title: t('title') };
}

export default async function UsersPage() {
  const user = await requirePermission('users:manage');
  const [users, t] = await Promise.all([listUsers(), getTranslations('admin.users')]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-sm text-slate-600">{t('intro')}</p>
      </div>
      <CreateUserForm />
      <UserTable users={users} currentUserId={user.id} />
    </div>
  );
}
