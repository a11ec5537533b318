import Link from 'next/link';
import { LocalTime } from '@/components/ui/local-time';
import type { CaseDetail } from '@/lib/cases/queries';
import { exclusivePeriodEnd } from '@/lib/cases/lifecycle';
import { englishVocabulary, phaseLabel } from '@/lib/i18n/vocabulary';
import { StateBadge, TestBadge } from './state-badge';

export function CaseHeader({ detail, unreadCount }: { detail: CaseDetail; unreadCount: number }) {
  const exclusiveUntil =
    detail.state === 'Active' && detail.activeSince ? exclusivePeriodEnd(detail.activeSince) : null;
  return (
    <header className="space-y-3">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link
          href="/cases"
          className="text-slate-600 hover:text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-slate-900"
        >
          ← All cases
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="font-mono text-2xl font-semibold tracking-tight">{detail.reference}</h1>
        <StateBadge state={detail.state} />
        {detail.isTest ? <TestBadge /> : null}
        <a
          href="#chat"
          className="ml-auto text-sm font-medium text-sky-700 hover:underline focus-visible:outline-2 focus-visible:outline-slate-900 sm:hidden"
        >
          Chat{unreadCount ? ` (${unreadCount} new)` : ''} ↓
        </a>
      </div>
      <p className="text-slate-700">
        <span className="font-medium">{detail.debtorName ?? 'Debtor not known yet'}</span>
        <span className="text-slate-400"> owes </span>
        <span className="font-medium">{detail.creditorName ?? 'a creditor not known yet'}</span>
      </p>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Item label="Creditor reference">{detail.creditorReference ?? '—'}</Item>
        <Item label="Engagement phase">{phaseLabel(englishVocabulary, detail.engagementPhase)}</Item>
        <Item label="Assignee">
          {detail.assignee ? (
            (detail.assignee.name ?? detail.assignee.email)
          ) : (
            <span className="text-slate-500">Unassigned</span>
          )}
        </Item>
        <Item label="Assigned to the agency">
          {detail.assignedAt ? <LocalTime value={detail.assignedAt} style="date" /> : '—'}
        </Item>
        {exclusiveUntil ? (
          <Item label="Exclusive period ends">
            <LocalTime value={exclusiveUntil} style="date" />
          </Item>
        ) : null}
        <Item label="Last activity">{detail.lastActivityAt ? <LocalTime value={detail.lastActivityAt} /> : '—'}</Item>
      </dl>
      {detail.detailStatus === 'pending' || detail.detailStatus === 'failed' ? (
        <p className="text-sm text-amber-800" role="status">
          {detail.detailStatus === 'pending'
            ? 'Some case detail (debtor, amounts) is still being fetched from Debitura.'
            : `Case detail could not be fetched from Debitura${detail.detailError ? `: ${detail.detailError}` : '.'}`}
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
