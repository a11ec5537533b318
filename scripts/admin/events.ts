import { recordAudit } from '@/lib/audit/audit';
import { closePool, getPool } from '@/lib/database/pool';
import { reprocessEvents } from '@/lib/webhooks/applier';
import { CommandError, defineCommands, stringValue, UsageError, type CommandContext } from './command';

/**
 * The webhook inbox from the shell: list events by status, and re-apply events (after a fix
 * for the bug or data that made them fail). Re-applying is idempotent: an event already
 * applied changes nothing the second time.
 */

async function withPool<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    await closePool();
  }
}

async function idsToReprocess(context: CommandContext): Promise<string[]> {
  const id = stringValue(context, 'id');
  const isFailed = context.values.failed === true;
  if (Boolean(id) === isFailed) throw new UsageError('Give exactly one of --id ID or --failed.');
  if (id) {
    const { rows } = await getPool().query<{ id: string }>('SELECT id FROM webhook_events WHERE id = $1', [id]);
    if (!rows.length) throw new CommandError(`No stored webhook event with the id ${id}.`);
    return [id];
  }
  const { rows } = await getPool().query<{ id: string }>(
    "SELECT id FROM webhook_events WHERE status = 'failed' ORDER BY received_at",
  );
  return rows.map((row) => row.id);
}

export default defineCommands([
  {
    name: 'events:reprocess',
    args: '--id ID | --failed',
    summary: 'Re-apply one stored webhook event, or every failed one; prints each outcome.',
    options: { id: { type: 'string' }, failed: { type: 'boolean' } },
    run: (context) =>
      withPool(async () => {
        const ids = await idsToReprocess(context);
        if (!ids.length) return context.out('No failed events.');
        context.note(`Reprocessing ${ids.length} event(s)…`);
        const result = await reprocessEvents(ids);
        for (const outcome of result.outcomes) {
          context.out(`${outcome.id}  ${outcome.status}${outcome.error ? `  ${outcome.error}` : ''}`);
        }
        context.note(`applied ${result.applied}, failed ${result.failed}, ignored ${result.ignored}`);
        await recordAudit({
          action: 'events.reprocessed',
          targetType: 'webhook_event',
          targetId: ids.length === 1 ? ids[0] : undefined,
          detail: { count: ids.length, applied: result.applied, failed: result.failed, ignored: result.ignored },
        });
        if (result.failed)
          throw new CommandError(`${result.failed} event(s) still fail; fix the cause and reprocess again.`);
      }),
  },
  {
    name: 'events:list',
    args: '[--status received|applied|failed|ignored] [--limit N]',
    summary: 'List stored webhook events, newest first, with their status and error.',
    options: { status: { type: 'string' }, limit: { type: 'string' } },
    run: (context) =>
      withPool(async () => {
        const limit = Number(stringValue(context, 'limit') ?? 50);
        if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive integer.');
        const status = stringValue(context, 'status') ?? null;
        const { rows } = await getPool().query<Record<string, string | Date | number | null>>(
          `SELECT id, type, status, case_reference, occurred_at, received_at, duplicate_count, error FROM webhook_events
           WHERE $1::text IS NULL OR status = $1 ORDER BY received_at DESC LIMIT $2`,
          [status, limit],
        );
        if (!rows.length) return context.out('No events.');
        for (const row of rows) {
          const error = row.error ? `  ${String(row.error)}` : '';
          context.out(
            `${row.id}  ${row.type}  ${row.status}  ${row.case_reference ?? '-'}  ${(row.occurred_at as Date).toISOString()}  dup ${row.duplicate_count}${error}`,
          );
        }
      }),
  },
]);
