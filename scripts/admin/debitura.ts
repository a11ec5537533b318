import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadLocalSecrets } from '@/lib/database/local-secrets';
import { closePool } from '@/lib/database/pool';
import { checkApiKey, registerWebhook, rotateSecret } from '@/lib/debitura/connect';
import { encryptionKeySource } from '@/lib/debitura/encryption';
import { ConnectionError } from '@/lib/debitura/errors';
import { checkHealth, getConnectionStatus } from '@/lib/debitura/health';
import { startRepair } from '@/lib/debitura/recovery';
import { claimRun, getRun, progressOf, startRun, stepRun, type SyncRun } from '@/lib/debitura/sync-runs';
import { CommandError, defineCommands, stringValue, UsageError, type CommandContext } from './command';

/**
 * The Debitura connection from the shell, the same code as the admin page: status, connect
 * (check the key, register the webhook), rotate the secret, import every case (sync) and
 * repair gaps. Progress goes to stderr, a summary line last to stdout.
 */

/** Give up waiting after this many failed pages in a row; the run stays open and resumes later. */
const MAX_RETRIES_IN_A_ROW = 5;

async function withConnection(context: CommandContext, work: () => Promise<void>): Promise<void> {
  await applyLocalAuthSecret();
  try {
    await work();
  } catch (error) {
    if (error instanceof ConnectionError) {
      throw new CommandError(`${error.problem}: ${error.message}${error.detail ? ` (${error.detail})` : ''}`);
    }
    throw error;
  } finally {
    await closePool();
  }
}

/**
 * On the local embedded database (`npm run dev`), the stored secrets are encrypted under the dev
 * server's own AUTH_SECRET, and the API is the demo's fake one (at the port this start chose).
 */
async function applyLocalAuthSecret() {
  if (process.env.DATABASE_URL?.includes('casedesk-local') !== true) return;
  const dataDir = path.resolve(import.meta.dirname, '../../.data');
  if (!encryptionKeySource() && existsSync(path.join(dataDir, 'local-secrets.json'))) {
    process.env.AUTH_SECRET = (await loadLocalSecrets(dataDir)).authSecret;
  }
  const demoFile = path.join(dataDir, 'demo.json');
  if (!process.env.DEBITURA_API_URL && existsSync(demoFile)) {
    const { fakeApiUrl } = JSON.parse(await readFile(demoFile, 'utf8')) as { fakeApiUrl?: string };
    if (fakeApiUrl) process.env.DEBITURA_API_URL = fakeApiUrl;
  }
}

async function printStatus(context: CommandContext) {
  await checkHealth();
  const status = await getConnectionStatus();
  const subscription = status.subscription;
  context.out(`encryption key: ${status.encryptionKeySource ?? 'none (set CASEDESK_ENCRYPTION_KEY or AUTH_SECRET)'}`);
  context.out(`API key: ${status.apiKeySource ?? 'none'}; agency: ${status.agencyName ?? '-'}`);
  if (status.checkError) context.out(`last check failed: ${status.checkError}`);
  if (!subscription) return context.out('webhook: not registered');
  const state =
    subscription.isActive === false ? `DISABLED (${subscription.disabledReason ?? 'no reason given'})` : 'active';
  context.out(`webhook: ${subscription.id} ${state}${subscription.isTestMode ? ' [test mode]' : ''}`);
  context.out(
    `  url: ${subscription.remoteUrl ?? subscription.url}${subscription.isUrlDrifted ? ' (differs from ours)' : ''}`,
  );
  if (subscription.missingEvents.length) context.out(`  events missing: ${subscription.missingEvents.join(', ')}`);
  context.out(`last delivery: ${status.lastDeliveryAt?.toISOString() ?? 'none'}`);
  context.out(`rejections in the last hour: ${status.rejectionsLastHour}`);
  for (const secret of status.secrets) {
    context.out(
      `secret ${secret.fingerprint} ${secret.status}, last used ${secret.lastUsedAt?.toISOString() ?? 'never'}`,
    );
  }
}

/** Advances the run to its end (or waits while another process holds it), printing progress to stderr. */
async function driveRun(context: CommandContext, started: SyncRun): Promise<SyncRun> {
  let run = started;
  let retries = 0;
  let lastLine = '';
  for (;;) {
    const claimed = await claimRun(run.id);
    run = claimed ? await stepRun(claimed) : ((await getRun(run.id)) ?? run);
    const line = progressLine(run);
    if (line !== lastLine) context.note(line);
    lastLine = line;
    if (run.status !== 'running') return run;
    if (claimed && run.error) {
      retries += 1;
      if (retries >= MAX_RETRIES_IN_A_ROW) {
        throw new CommandError(`${run.error}; the ${run.kind} stays open and resumes with the next attempt.`);
      }
    } else if (claimed) retries = 0;
    if (!claimed || run.error) await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

function progressLine(run: SyncRun): string {
  const progress = progressOf(run);
  const total = progress.total === null ? '' : `/${progress.total}`;
  const rate = progress.perSecond ? `, ${progress.perSecond.toFixed(1)} cases/s` : '';
  const left = progress.secondsLeft !== null && run.status === 'running' ? `, ~${progress.secondsLeft}s left` : '';
  const error = run.error ? ` (waiting: ${run.error})` : '';
  return `${run.kind}: ${progress.done}${total} cases${rate}${left}${error}`;
}

function summary(run: SyncRun): string {
  const seconds = ((run.finishedAt ?? new Date()).getTime() - run.startedAt.getTime()) / 1000;
  const extra =
    run.kind === 'repair' ? `, ${run.eventsRecovered} events recovered, ${run.differencesFixed} differences fixed` : '';
  return `${run.kind} ${run.status}: ${run.casesDone} cases${extra} in ${seconds.toFixed(1)} s`;
}

function finish(context: CommandContext, run: SyncRun) {
  if (run.status === 'failed') throw new CommandError(`${run.kind} failed: ${run.error ?? 'unknown error'}`);
  context.out(summary(run));
}

export default defineCommands([
  {
    name: 'debitura:status',
    args: '',
    summary: 'Check the Debitura connection: API key, agency, webhook subscription, deliveries, secrets.',
    options: {},
    run: (context) => withConnection(context, () => printStatus(context)),
  },
  {
    name: 'debitura:connect',
    args: '[--url URL] [--test-mode] [--api-key-stdin]',
    summary: 'Check the API key (GET /me) and register the webhook (default URL: AUTH_URL + /api/webhooks/debitura).',
    options: { url: { type: 'string' }, 'test-mode': { type: 'boolean' }, 'api-key-stdin': { type: 'boolean' } },
    run: (context) =>
      withConnection(context, async () => {
        const apiKey = context.values['api-key-stdin'] === true ? await context.readSecret('API key: ') : undefined;
        if (context.values['api-key-stdin'] === true && !apiKey?.trim()) throw new UsageError('No API key on stdin.');
        const { agencyName } = await checkApiKey({ apiKey });
        context.note(`API key accepted: ${agencyName}`);
        const url = stringValue(context, 'url');
        if (url !== undefined && !url.trim()) throw new UsageError('--url is empty.');
        const subscription = await registerWebhook({ url, isTestMode: context.values['test-mode'] === true });
        context.out(
          `connected ${agencyName}: webhook ${subscription.id} for ${subscription.url}${subscription.isTestMode ? ' (test mode)' : ''}`,
        );
      }),
  },
  {
    name: 'debitura:rotate',
    args: '',
    summary: 'Regenerate the webhook secret; the old one keeps verifying until it has been quiet for 24 h.',
    options: {},
    run: (context) =>
      withConnection(context, async () => {
        const subscription = await rotateSecret();
        context.out(`rotated the secret of webhook ${subscription.id}; the previous secret is retiring`);
      }),
  },
  {
    name: 'debitura:sync',
    args: '[--include-test]',
    summary: 'Import every case Debitura has for the agency (resumes an import that stopped).',
    options: { 'include-test': { type: 'boolean' } },
    run: (context) =>
      withConnection(context, async () => {
        const run = await startRun('import', { includeTest: context.values['include-test'] === true });
        if (run.nextPage > 1) context.note(`resuming the import at page ${run.nextPage}`);
        finish(context, await driveRun(context, run));
      }),
  },
  {
    name: 'debitura:repair',
    args: '[--since ISO-TIME]',
    summary: 'Re-enable a disabled webhook, then recover every event missed since the last repair (or --since).',
    options: { since: { type: 'string' } },
    run: (context) =>
      withConnection(context, async () => {
        const sinceText = stringValue(context, 'since');
        const since = sinceText === undefined ? null : new Date(sinceText);
        if (since && Number.isNaN(since.getTime())) throw new UsageError('--since must be an ISO 8601 time.');
        await checkHealth();
        const { run, isReenabled } = await startRepair({ since });
        if (isReenabled) context.note('re-enabled the webhook subscription');
        finish(context, await driveRun(context, run));
      }),
  },
]);
