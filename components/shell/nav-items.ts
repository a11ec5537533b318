import { can, type Permission } from '@/lib/auth/permissions';

/** `labelKey` names the link's text in the `shell` catalog (`shell.nav.<labelKey>`). */
export type NavItem = { href: string; labelKey: string; permission: Permission };

/** The top navigation; each link shows only to roles holding its permission. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/queue', labelKey: 'queue', permission: 'cases:read' },
  { href: '/cases', labelKey: 'cases', permission: 'cases:read' },
  { href: '/payments', labelKey: 'payments', permission: 'payments:reconcile' },
  { href: '/reports', labelKey: 'reports', permission: 'reports:read' },
  { href: '/team', labelKey: 'team', permission: 'cases:assign' },
  { href: '/admin', labelKey: 'admin', permission: 'users:manage' },
];

export function navItemsFor(user: { role: string }): NavItem[] {
  return NAV_ITEMS.filter((item) => can(user, item.permission));
}
