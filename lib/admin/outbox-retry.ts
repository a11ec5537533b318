import { db } from '@/lib/db';
import { retryAction } from '@/lib/outbox/retry';
import { failure, type FormState } from './form-state';
import { englishAdminT } from './messages';
import { OUTBOX_LIMIT } from './outbox';
import type { Actor } from './user-admin';

/**
 * Retrying failed actions from the outbox page through the outbox's own retryAction (due now,
 * fresh attempts, same idempotency key and attempt history, so Debitura never gets an action
 * twice). Each retry is audited as `outbox.action_retried`. Returns the ids to send right away.
 */
export async function retryOutboxFromForm(
  formData: FormData,
  actor: Actor,
  t = englishAdminT(),
): Promise<{ state: FormState; ids: string[] }> {
  const id = formData.get('id');
  let ids: string[];
  if (typeof id === 'string' && id) {
    ids = [id];
  } else if (formData.get('scope') === 'failed') {
    const rows = await db.outboundAction.findMany({
      where: { status: 'failed' },
      orderBy: { createdAt: 'asc' },
      select: { id: true },
      take: OUTBOX_LIMIT,
    });
    ids = rows.map((row) => row.id);
    if (!ids.length) return { state: { status: 'success', message: t('admin.messages.outbox.noneFailed') }, ids };
  } else {
    return { state: failure(t('admin.messages.outbox.which')), ids: [] };
  }
  if (ids.some((value) => !/^[0-9a-f-]{36}$/i.test(value)))
    return { state: failure(t('admin.messages.outbox.notFound')), ids: [] };

  const retried: string[] = [];
  for (const actionId of ids) {
    if (await retryAction(actionId, actor)) retried.push(actionId);
  }
  if (ids.length === 1 && !retried.length) return { state: failure(t('admin.messages.outbox.notWaiting')), ids: [] };
  const message = t('admin.messages.outbox.sending', { count: retried.length });
  return { state: { status: 'success', message }, ids: retried };
}
