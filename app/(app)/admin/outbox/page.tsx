import type { Metadata } from 'next';
import { ActionButton } from '@/components/admin/action-button';
import { OutboxTable } from '@/components/admin/outbox-table';
import { retryOutboxAction } from '@/lib/admin/actions/outbox';
import { listOutbox } from '@/lib/admin/outbox';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Outbox' };

export default async function OutboxPage() {
  const user = await requirePermission('deliveries:read');
  const [failed, retrying] = await Promise.all([listOutbox('failed'), listOutbox('retrying')]);
  const canRetry = can(user, 'deliveries:reprocess');
  return (
    <div className="space-y-8">
      <section aria-labelledby="failed-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 id="failed-heading" className="text-2xl font-semibold">
              Actions that failed
            </h1>
            <p className="text-sm text-slate-600">
              What Casedesk sent to Debitura (chat replies, accepts, payments, closes, notes, fees) that Debitura
              refused or that kept failing. Nothing is lost: a retry sends the same action with the same idempotency key
              and history, so it never arrives twice.
            </p>
          </div>
          {canRetry && failed.length > 1 ? (
            <ActionButton
              action={retryOutboxAction}
              fields={{ scope: 'failed' }}
              label="Retry all failed"
              pendingLabel="Retrying…"
            />
          ) : null}
        </div>
        {failed.length ? (
          <OutboxTable rows={failed} canRetry={canRetry} caption="Failed actions, newest first" />
        ) : (
          <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600">
            No failed actions.
          </p>
        )}
      </section>
      <section aria-labelledby="retrying-heading" className="space-y-3">
        <h2 id="retrying-heading" className="text-lg font-semibold">
          Being retried
        </h2>
        <p className="text-sm text-slate-600">
          An attempt failed; the sender tries again in the background with backoff. A retry here sends one at once.
        </p>
        {retrying.length ? (
          <OutboxTable rows={retrying} canRetry={canRetry} caption="Actions being retried" />
        ) : (
          <p className="text-sm text-slate-600">None.</p>
        )}
      </section>
    </div>
  );
}
