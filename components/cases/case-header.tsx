import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { LocalTime } from '@/components/ui/local-time';
import type { CaseDetail } from '@/lib/cases/queries';
import { exclusivePeriodEnd } from '@/lib/cases/lifecycle';
import { phaseLabel } from '@/lib/i18n/vocabulary';
import { StateBadge, TestBadge } from './state-badge';

const focusRing = 'focus-visible:outline-2 focus-visible:outline-slate-900';

export function CaseHeader({ detail, unreadCount }: { detail: CaseDetail; unreadCount: number }) {
  const t = useTranslations('case.header');
  const vocabulary = useTranslations('vocabulary');
  const exclusiveUntil =
    detail.state === 'Active' && detail.activeSince ? exclusivePeriodEnd(detail.activeSince) : null;
  return (
    <header className="space-y-3">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/cases" className={`text-slate-600 hover:text-slate-900 hover:underline ${focusRing}`}>
          {t('back')}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="font-mono text-2xl font-semibold tracking-tight">{detail.reference}</h1>
        <StateBadge state={detail.state} />
        {detail.isTest ? <TestBadge /> : null}
        <a href="#chat" className={`ml-auto text-sm font-medium text-sky-700 hover:underline sm:hidden ${focusRing}`}>
          {t('chatLink', { count: unreadCount })}
        </a>
      </div>
      <p className="text-slate-700">
        {t.rich('owes', {
          debtor: detail.debtorName ?? t('debtorUnknown'),
          creditor: detail.creditorName ?? t('creditorUnknown'),
          name: (chunks) => <span className="font-medium">{chunks}</span>,
        })}
      </p>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Item label={t('creditorReference')}>{detail.creditorReference ?? '—'}</Item>
        <Item label={t('phase')}>{phaseLabel(vocabulary, detail.engagementPhase)}</Item>
        <Item label={t('assignee')}>
          {detail.assignee ? (
            (detail.assignee.name ?? detail.assignee.email)
          ) : (
            <span className="text-slate-500">{t('unassigned')}</span>
          )}
        </Item>
        <Item label={t('assignedAt')}>
          {detail.assignedAt ? <LocalTime value={detail.assignedAt} style="date" /> : '—'}
        </Item>
        {exclusiveUntil ? (
          <Item label={t('exclusiveUntil')}>
            <LocalTime value={exclusiveUntil} style="date" />
          </Item>
        ) : null}
        <Item label={t('lastActivity')}>
          {detail.lastActivityAt ? <LocalTime value={detail.lastActivityAt} /> : '—'}
        </Item>
      </dl>
      {detail.detailStatus === 'pending' || detail.detailStatus === 'failed' ? (
        <p className="text-sm text-amber-800" role="status">
          {detail.detailStatus === 'pending'
            ? t('detailPending')
            : detail.detailError
              ? t('detailFailedWhy', { error: detail.detailError })
              : t('detailFailed')}
        </p>
      ) : null}
    </header>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-900">{children}</dd>
    </div>
  );
}
