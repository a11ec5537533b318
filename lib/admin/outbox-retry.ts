import { db } from '@/lib/db';
import { retryAction } from '@/lib/outbox/retry';
import { failure, type FormState } from './form-state';
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
    if (!ids.length) return { state: { status: 'success', message: 'No failed actions.' }, ids };
  } else {
    return { state: failure('Say which actions to retry.'), ids: [] };
  }
  if (ids.some((value) => !/^[0-9a-f-]{36}$/i.test(value))) return { state: failure('No such action.'), ids: [] };

  const retried: string[] = [];
  for (const actionId of ids) {
    if (await retryAction(actionId, actor)) retried.push(actionId);
  }
  if (ids.length === 1 && !retried.length)
    return { state: failure('That action is no longer waiting to be sent.'), ids: [] };
  const message = retried.length === 1 ? 'Sending again.' : `Sending ${retried.length} actions again.`;
  return { state: { status: 'success', message }, ids: retried };
}
