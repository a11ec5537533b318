/**
 * Which part of Casedesk a process plays (`CASEDESK_ROLE`):
 *   web     serves pages, the API and the webhook route; runs no background job;
 *   worker  runs the background jobs (lib/jobs/index.ts) and serves nothing;
 *   all     both in one process (`npm run dev`, and any `next start` run by hand).
 * `npm start` with no role runs one web process and one worker process (scripts/serve.ts).
 * The older `CASEDESK_JOBS=off` still means `web`.
 */

type Env = Partial<Record<string, string>>;

export const ROLES = ['web', 'worker', 'all'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The role set in the environment, or null when none is (each starter picks its default). */
export function configuredRole(env: Env = process.env): Role | null {
  const value = env.CASEDESK_ROLE?.trim().toLowerCase();
  if (value) {
    if (!isRole(value))
      throw new Error(`CASEDESK_ROLE must be one of ${ROLES.join(', ')} (got "${env.CASEDESK_ROLE}").`);
    return value;
  }
  return env.CASEDESK_JOBS?.trim().toLowerCase() === 'off' ? 'web' : null;
}

/** Does a Next server process in this environment run the background jobs itself? */
export function doesServerRunJobs(env: Env = process.env): boolean {
  return (configuredRole(env) ?? 'all') === 'all';
}
