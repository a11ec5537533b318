import type { Role } from '@/lib/auth/permissions';

/** The users global-setup creates for the browser tests, one per role (plus one to lock out). */
export type E2eUser = { email: string; name: string; role: Role; password: string };

export const E2E_USERS = {
  collector: {
    email: 'collector@e2e.test',
    name: 'Cora Collector',
    role: 'collector',
    password: 'collector-password-1',
  },
  manager: { email: 'manager@e2e.test', name: 'Milo Manager', role: 'manager', password: 'manager-password-1' },
  admin: { email: 'admin@e2e.test', name: 'Ada Admin', role: 'admin', password: 'admin-password-1' },
  // Only the language spec signs in as this one, so the language it chooses changes no other test.
  linguist: { email: 'linguist@e2e.test', name: 'Lina Linguist', role: 'collector', password: 'linguist-password-1' },
  // Only the lockout test signs in as this one, so locking it out blocks no other test.
  lockout: { email: 'lockout@e2e.test', name: 'Lou Lockout', role: 'collector', password: 'lockout-password-1' },
} as const satisfies Record<string, E2eUser>;

/** The Debitura webhook secret the e2e server is started with (base64, as Debitura issues them). */
export const E2E_WEBHOOK_SECRET = Buffer.from('casedesk-e2e-webhook-secret-0001').toString('base64');

export const E2E_AUTH_SECRET = 'e2e-auth-secret-not-for-production-0000000';
