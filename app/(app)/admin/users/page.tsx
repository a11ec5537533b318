import type { Metadata } from 'next';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UserTable } from '@/components/admin/user-table';
import { requirePermission } from '@/lib/auth/session';
import { listUsers } from '@/lib/users/users';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const user = await requirePermission('users:manage');
  const users = await listUsers();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Users</h1>
        <p className="text-sm text-slate-600">
          Disabling a user, changing their role or resetting their password ends their sessions at once. Every change is
          written to the audit log.
        </p>
      </div>
      <CreateUserForm />
      <UserTable users={users} currentUserId={user.id} />
    </div>
  );
}
