import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { LocalTime } from '@/components/ui/local-time';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { CaseListItem } from '@/lib/cases/case-list';
import { CaseCheckbox } from '@/components/assignment/case-checkbox';
import { formatMoney } from '@/lib/cases/format';
import { StateBadge, TestBadge } from './state-badge';

const referenceLink = [
  'font-mono font-medium text-slate-900 underline-offset-2 hover:underline',
  'focus-visible:outline-2 focus-visible:outline-slate-900',
].join(' ');

/** The list rows. Narrow screens keep reference, debtor, state and amount; the rest folds in. */
export function CaseTable({
  items,
  locale,
  showAssignee,
  isSelectable = false,
}: {
  items: CaseListItem[];
  locale: string;
  showAssignee: boolean;
  isSelectable?: boolean;
}) {
  const t = useTranslations('cases.table');
  return (
    <Table caption={t('caption')} data-testid="case-table">
      <THead>
        <TR>
          {/* Bulk assignment (managers): see components/assignment/case-list-tools.tsx */}
          {isSelectable ? (
            <TH>
              <span className="sr-only">{t('select')}</span>
            </TH>
          ) : null}
          <TH>{t('reference')}</TH>
          <TH className="hidden sm:table-cell">{t('debtor')}</TH>
          <TH className="hidden md:table-cell">{t('creditor')}</TH>
          <TH>{t('state')}</TH>
          <TH className="hidden text-right sm:table-cell">{t('outstanding')}</TH>
          <TH className="hidden lg:table-cell">{t('lastActivity')}</TH>
          {showAssignee ? <TH className="hidden xl:table-cell">{t('assignee')}</TH> : null}
          <TH>
            <span className="sr-only">{t('unreadChat')}</span>
          </TH>
        </TR>
      </THead>
      <TBody>
        {items.map((item) => (
          <TR key={item.id} className="hover:bg-slate-50" data-testid="case-row">
            {isSelectable ? (
              <TD>
                <CaseCheckbox caseId={item.id} reference={item.reference} />
              </TD>
            ) : null}
            <TD className="whitespace-nowrap">
              <Link href={`/cases/${encodeURIComponent(item.reference)}`} className={referenceLink}>
                {item.reference}
              </Link>
              {item.isTest ? (
                <span className="ml-2">
                  <TestBadge />
                </span>
              ) : null}
              {item.creditorReference ? <div className="text-xs text-slate-500">{item.creditorReference}</div> : null}
              <div className="mt-1 max-w-48 truncate sm:hidden">
                {item.debtorName ?? <span className="text-slate-500">{t('debtorUnknown')}</span>}
              </div>
            </TD>
            <TD className="hidden sm:table-cell">
              <div className="max-w-56 truncate" title={item.debtorName ?? undefined}>
                {item.debtorName ?? <span className="text-slate-500">{t('notKnownYet')}</span>}
              </div>
              <div className="max-w-56 truncate text-xs text-slate-500 md:hidden">{item.creditorName}</div>
            </TD>
            <TD className="hidden md:table-cell">
              <div className="max-w-56 truncate" title={item.creditorName ?? undefined}>
                {item.creditorName ?? <span className="text-slate-500">—</span>}
              </div>
            </TD>
            <TD>
              <StateBadge state={item.state} />
              <div className="mt-1 whitespace-nowrap tabular-nums sm:hidden">
                <Outstanding minor={item.outstandingMinor} currency={item.currency} locale={locale} />
              </div>
            </TD>
            <TD className="hidden text-right whitespace-nowrap tabular-nums sm:table-cell">
              <Outstanding minor={item.outstandingMinor} currency={item.currency} locale={locale} />
            </TD>
            <TD className="hidden whitespace-nowrap text-slate-600 lg:table-cell">
              {item.lastActivityAt ? <LocalTime value={item.lastActivityAt} /> : '—'}
            </TD>
            {showAssignee ? (
              <TD className="hidden whitespace-nowrap text-slate-600 xl:table-cell">
                {item.assignee?.name ?? <span className="text-slate-500">{t('unassigned')}</span>}
              </TD>
            ) : null}
            <TD className="whitespace-nowrap">
              {item.unreadCount > 0 ? (
                <span
                  className={[
                    'inline-flex items-center gap-1 rounded-full bg-sky-700 px-2 py-0.5',
                    'text-xs font-semibold text-white',
                  ].join(' ')}
                  data-testid="unread-marker"
                >
                  {item.unreadCount}
                  <span className="sr-only"> {t('unreadCount', { count: item.unreadCount })}</span>
                  <span aria-hidden="true">{t('new')}</span>
                </span>
              ) : null}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

/** What is still owed; a negative balance is shown as what was paid too much, not as a minus. */
function Outstanding({ minor, currency, locale }: { minor: bigint | null; currency: string | null; locale: string }) {
  const t = useTranslations('cases.table');
  if (minor !== null && minor < 0n) {
    return (
      <span className="text-violet-800" title={t('overpaidTitle')}>
        {t('overpaid', { amount: formatMoney(-minor, currency, locale) })}
      </span>
    );
  }
  return <>{formatMoney(minor, currency, locale)}</>;
}
