import { recordAudit } from '@/lib/audit/audit';
import { db } from '@/lib/db';
import { reprocessEvents } from '@/lib/webhooks/applier';
import { failure, type FormState } from './form-state';
import { englishAdminT, type AdminT } from './messages';
import type { Actor } from './user-admin';

/**
 * Re-applying stored webhook events from the delivery log (after a fix for whatever made
 * them fail), through the webhook applier's own reprocessEvents, the same function the
 * `events:reprocess` CLI uses. Audited as `events.reprocessed`, like the CLI.
 */

/** One click re-applies at most this many; the message says when more remain. */
export const MAX_REPROCESS = 1000;

export async function reprocessFromForm(formData: FormData, actor: Actor, t = englishAdminT()): Promise<FormState> {
  const id = formData.get('id');
  if (typeof id === 'string' && id) {
    const exists = await db.webhookEvent.findUnique({ where: { id }, select: { id: true } });
    if (!exists) return failure(t('admin.messages.reprocess.notFound'));
    return reprocess([id], actor, 0, t);
  }
  if (formData.get('scope') !== 'failed') return failure(t('admin.messages.reprocess.which'));
  const failed = await db.webhookEvent.findMany({
    where: { status: 'failed' },
    orderBy: { receivedAt: 'asc' },
    select: { id: true },
    take: MAX_REPROCESS + 1,
  });
  if (!failed.length) return { status: 'success', message: t('admin.messages.reprocess.noneFailed') };
  const ids = failed.slice(0, MAX_REPROCESS).map((row) => row.id);
  return reprocess(ids, actor, failed.length - ids.length, t);
}

async function reprocess(ids: string[], actor: Actor, remaining: number, t: AdminT): Promise<FormState> {
  const result = await reprocessEvents(ids);
  await recordAudit({
    actor,
    action: 'events.reprocessed',
    targetType: 'webhook_event',
    targetId: ids.length === 1 ? ids[0] : undefined,
    detail: {
      count: ids.length,
      applied: result.applied,
      failed: result.failed,
      ignored: result.ignored,
      source: 'admin page',
    },
  });
  const summary = t('admin.messages.reprocess.summary', {
    count: ids.length,
    applied: result.applied,
    failed: result.failed,
    ignored: result.ignored,
  });
  const more = remaining > 0 ? ` ${t('admin.messages.reprocess.more')}` : '';
  if (ids.length === 1 && result.failed) {
    // The applier's error is the software's own words, shown as is.
    return failure(t('admin.messages.reprocess.stillFailing', { error: result.outcomes[0]?.error ?? '—' }));
  }
  return { status: result.failed ? 'error' : 'success', message: summary + more };
}
