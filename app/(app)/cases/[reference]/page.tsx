import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { BalancePanel } from '@/components/cases/balance-panel';
import { CaseHeader } from '@/components/cases/case-header';
import { CaseTimeline } from '@/components/cases/case-timeline';
import { CloseCodePanel } from '@/components/cases/close-code-panel';
import { PartyCard } from '@/components/cases/party-card';
import { PaymentTable } from '@/components/cases/payment-table';
import { TestCaseBanner } from '@/components/cases/test-case-banner';
import { ChatPanel } from '@/components/chat/chat-panel';
import { CaseActionsPanel } from '@/components/actions/case-actions-panel';
import { DocumentsPanel } from '@/components/documents/documents-panel';
import { CaseAssignPanel } from '@/components/assignment/case-assign-panel';
import { CaseWorkPanel } from '@/components/case-work/case-work-panel';
import { LiveRefresh } from '@/components/queue/live-refresh';
import { ForbiddenError, NotFoundError } from '@/lib/api/errors';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { getPendingActions } from '@/lib/case-actions/target';
import { getRequestLocale } from '@/lib/cases/format';
import { getCaseDetail } from '@/lib/cases/queries';
import { decodeRouteParam } from '@/lib/routing/route-param';
import { getChatThread } from '@/lib/chat/queries';

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ reference }, t] = await Promise.all([params, getTranslations('case')]);
  return { title: t('metaTitle', { reference: decodeRouteParam(reference) }) };
}

export default async function CasePage({ params }: Props) {
  const viewer = await requirePermission('cases:read');
  const reference = decodeRouteParam((await params).reference);
  // In parallel: the case (timeline, payments) and its chat. Rendering the thread counts as
  // reading it, so this viewer's unread marks clear.
  const [detail, thread, locale] = await Promise.all([
    load(() => getCaseDetail(viewer, reference)),
    load(() => getChatThread(viewer, reference, { markRead: true })),
    getRequestLocale(),
  ]);
  if (!detail || !thread) notFound();
  const pending = await getPendingActions(detail.id);
  const unreadCount = thread.messages.filter((message) => message.isUnread).length;

  return (
    <div className="space-y-5">
      <CaseHeader detail={detail} unreadCount={unreadCount} />
      {/* Managers: change the assignee (components/assignment; nothing for collectors). */}
      <CaseAssignPanel user={viewer} caseId={detail.id} assigneeId={detail.assignee?.id ?? null} />
      {detail.isTest ? <TestCaseBanner /> : null}
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-5">
        <div className="space-y-5 lg:col-span-3">
          {/* Accept, payments, close, progress notes, fees: sent to Debitura (components/actions). */}
          <CaseActionsPanel viewer={viewer} detail={detail} locale={locale} />
          <BalancePanel
            currency={detail.currency}
            originalMinor={detail.originalAmountMinor}
            feesMinor={detail.addedFeesMinor}
            paidMinor={detail.paidMinor}
            outstandingMinor={detail.outstandingMinor}
            fees={detail.fees}
            locale={locale}
            unconfirmedMinor={pending.unconfirmedPaidMinor}
          />
          {detail.closeCode ? (
            <CloseCodePanel closeCode={detail.closeCode} comment={detail.closeComment} closedAt={detail.closedAt} />
          ) : null}
          <PaymentTable payments={detail.payments} currency={detail.currency} locale={locale} />
          <CaseTimeline entries={detail.timeline} />
        </div>
        <div className="space-y-5 lg:col-span-2">
          {/* Follow-ups, promises and internal notes (components/case-work), live as changes land. */}
          <LiveRefresh reference={detail.reference} />
          <CaseWorkPanel caseId={detail.id} reference={detail.reference} currency={detail.currency} />
          <ChatPanel reference={detail.reference} initial={thread} canReply={can(viewer, 'chat:reply')} />
          <DocumentsPanel reference={detail.reference} canUpload={can(viewer, 'cases:act')} />
          <PartyCard kind="debtor" name={detail.debtorName} party={detail.debtor} />
          <PartyCard kind="creditor" name={detail.creditorName} party={detail.creditor} />
        </div>
      </div>
    </div>
  );
}

/**
 * A case assigned to another collector answers 403, like every other page a role may not
 * see; an unknown reference is null (404).
 */
async function load<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
