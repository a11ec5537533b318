import type { Metadata } from 'next';
import { ActionButton } from '@/components/admin/action-button';
import { ChatOutboxTable } from '@/components/admin/chat-outbox-table';
import { retryChatAction } from '@/lib/admin/actions/chat';
import { listChatOutbox } from '@/lib/admin/chat-outbox';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Chat outbox' };

export default async function ChatOutboxPage() {
  const user = await requirePermission('deliveries:read');
  const [failed, sending] = await Promise.all([listChatOutbox('failed'), listChatOutbox('sending')]);
  const canRetry = can(user, 'deliveries:reprocess');
  return (
    <div className="space-y-8">
      <section aria-labelledby="failed-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 id="failed-heading" className="text-2xl font-semibold">
              Chat replies that failed
            </h1>
            <p className="text-sm text-slate-600">
              Replies Debitura did not accept after the automatic retries. Nothing is lost: a retry posts the same reply
              with the same idempotency key, so it never arrives twice.
            </p>
          </div>
          {canRetry && failed.length > 1 ? (
            <ActionButton
              action={retryChatAction}
              fields={{ scope: 'failed' }}
              label="Retry all failed"
              pendingLabel="Retrying…"
            />
          ) : null}
        </div>
        {failed.length ? (
          <ChatOutboxTable rows={failed} canRetry={canRetry} caption="Failed chat replies, newest first" />
        ) : (
          <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600">
            No failed replies.
          </p>
        )}
      </section>
      <section aria-labelledby="sending-heading" className="space-y-3">
        <h2 id="sending-heading" className="text-lg font-semibold">
          Still sending
        </h2>
        <p className="text-sm text-slate-600">
          Being retried in the background with backoff; a retry here sends one at once.
        </p>
        {sending.length ? (
          <ChatOutboxTable rows={sending} canRetry={canRetry} caption="Chat replies still being sent" />
        ) : (
          <p className="text-sm text-slate-600">None.</p>
        )}
      </section>
    </div>
  );
}
