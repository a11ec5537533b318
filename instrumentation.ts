/**
 * Runs once when a server instance starts: starts the background jobs (applying stored
 * webhook events, fetching missing case detail...) in the Node.js runtime only.
 * CASEDESK_JOBS=off starts an instance that only ingests and serves.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.CASEDESK_JOBS === 'off') return;
  const { startBackgroundJobs } = await import('./lib/jobs');
  startBackgroundJobs();
}
