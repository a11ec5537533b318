import { describe, expect, it } from 'vitest';
import { configuredRole, doesServerRunJobs } from './role';

describe('CASEDESK_ROLE', () => {
  it('reads web, worker and all in any case; unset leaves the choice to the starter', () => {
    expect(configuredRole({ CASEDESK_ROLE: 'Worker' })).toBe('worker');
    expect(configuredRole({ CASEDESK_ROLE: ' web ' })).toBe('web');
    expect(configuredRole({})).toBeNull();
    expect(configuredRole({ CASEDESK_ROLE: '' })).toBeNull();
  });

  it('keeps CASEDESK_JOBS=off working as a web-only role', () => {
    expect(configuredRole({ CASEDESK_JOBS: 'off' })).toBe('web');
    expect(configuredRole({ CASEDESK_JOBS: 'off', CASEDESK_ROLE: 'all' })).toBe('all');
  });

  it('refuses a role it does not know', () => {
    expect(() => configuredRole({ CASEDESK_ROLE: 'both' })).toThrow(/web, worker, all/);
  });

  it('runs jobs inside the server only for `all` (the default of a bare `next start`)', () => {
    expect(doesServerRunJobs({})).toBe(true);
    expect(doesServerRunJobs({ CASEDESK_ROLE: 'all' })).toBe(true);
    expect(doesServerRunJobs({ CASEDESK_ROLE: 'web' })).toBe(false);
    expect(doesServerRunJobs({ CASEDESK_JOBS: 'off' })).toBe(false);
  });
});
