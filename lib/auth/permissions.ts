/**
 * Roles as data: each role's permissions, and the one check every page, action and API
 * route uses. admin ⊇ manager ⊇ collector.
 */

export const ROLES = ['collector', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const COLLECTOR = [
  'cases:read', // own and unassigned cases
  'chat:reply',
  'cases:act', // accept, payments, close, notes, fees on the cases the user can see (sent to Debitura)
] as const;

const MANAGER = [...COLLECTOR, 'cases:read-all', 'cases:assign', 'payments:reconcile', 'reports:read'] as const;

const ADMIN = [
  ...MANAGER,
  'deliveries:read',
  'deliveries:reprocess',
  'users:manage',
  'tokens:manage-all',
  'audit:read',
  'debitura:manage', // the connection: API key, webhook subscription, import and repair
] as const;

export type Permission = (typeof ADMIN)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  collector: COLLECTOR,
  manager: MANAGER,
  admin: ADMIN,
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(user: { role: string } | null | undefined, permission: Permission): boolean {
  if (!user || !isRole(user.role)) return false;
  return ROLE_PERMISSIONS[user.role].includes(permission);
}
