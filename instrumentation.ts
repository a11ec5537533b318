/**
 * Runs once when a server instance starts, in the Node.js runtime only. Where CASEDESK_ROLE
 * is `all` (or unset, as for a `next start` by hand) the server runs the background jobs
 * itself; as `web` (what `npm start` runs beside its worker process) it only serves, and
 * passes kicks to the workers (lib/jobs/role.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { doesServerRunJobs } = await import('./lib/jobs/role');
  const jobs = await import('./lib/jobs');
  if (doesServerRunJobs()) jobs.startBackgroundJobs();
  else jobs.sendKicksToWorkers();
}
