import { AdminNav } from '@/components/admin/admin-nav';
import { requirePermission } from '@/lib/auth/session';

/**
 * The admin area's frame. The check here keeps the navigation from non-admins; every page
 * and action below checks its own permission again (a layout does not run on every
 * navigation, and an action is reachable without its page).
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePermission('deliveries:read');
  return (
    <div className="space-y-6">
      <AdminNav />
      {children}
    </div>
  );
}
