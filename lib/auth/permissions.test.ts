import { describe, expect, it } from 'vitest';
import { can, ROLE_PERMISSIONS } from './permissions';

describe('can', () => {
  it('gives each role everything the role below it has', () => {
    for (const permission of ROLE_PERMISSIONS.collector) expect(can({ role: 'manager' }, permission)).toBe(true);
    for (const permission of ROLE_PERMISSIONS.manager) expect(can({ role: 'admin' }, permission)).toBe(true);
  });

  it('keeps manager and admin work from collectors', () => {
    expect(can({ role: 'collector' }, 'payments:reconcile')).toBe(false);
    expect(can({ role: 'manager' }, 'users:manage')).toBe(false);
    expect(can({ role: 'admin' }, 'users:manage')).toBe(true);
  });

  it('denies unknown roles and no user', () => {
    expect(can({ role: 'root' }, 'cases:read')).toBe(false);
    expect(can(null, 'cases:read')).toBe(false);
  });
});
