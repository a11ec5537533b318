import { can, type Permission } from '@/lib/auth/permissions';

export type NavItem = { href: string; label: string; permission: Permission };

/** The top navigation; each link shows only to roles holding its permission. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/cases', label: 'Cases', permission: 'cases:read' },
  { href: '/payments', label: 'Payments', permission: 'payments:reconcile' },
  { href: '/reports', label: 'Reports', permission: 'reports:read' },
  { href: '/team', label: 'Team', permission: 'cases:assign' },
  { href: '/admin', label: 'Admin', permission: 'users:manage' },
];

export function navItemsFor(user: { role: string }): NavItem[] {
  return NAV_ITEMS.filter((item) => can(user, item.permission));
}
