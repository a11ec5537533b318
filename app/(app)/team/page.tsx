import type { Metadata } from 'next';
import Link from 'next/link';
import { Money } from '@/components/payments/money';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { teamWorkload } from '@/lib/assignment/queries';
import { requirePermission } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Team' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Each collector's open workload and outstanding total per currency (managers). */
export default async function TeamPage({ searchParams }: Props) {
  await requirePermission('cases:assign');
  const isTest = (await searchParams).isTest === 'true';
  const team = await teamWorkload(isTest);
  const casesLink = (assignee: string) => `/cases?assignee=${assignee}${isTest ? '&isTest=true' : ''}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Team workload</h1>
          <p className="text-sm text-slate-600">
            Open {isTest ? 'test' : 'live'} cases per collector (not Closed or Merged), and what is still outstanding on
            them per currency.
          </p>
        </div>
        <nav aria-label="Live or test cases" className="flex gap-3 text-sm">
          <Link
            href="/team"
            aria-current={isTest ? undefined : 'page'}
            className={isTest ? 'underline' : 'font-semibold'}
          >
            Live
          </Link>
          <Link
            href="/team?isTest=true"
            aria-current={isTest ? 'page' : undefined}
            className={isTest ? 'font-semibold' : 'underline'}
          >
            Test
          </Link>
        </nav>
      </div>
      <Table caption="Open cases and outstanding per collector" data-testid="team-table">
        <THead>
          <TR>
            <TH>Collector</TH>
            <TH className="text-right">Open cases</TH>
            <TH>Outstanding per currency</TH>
          </TR>
        </THead>
        <TBody>
          {team.map((row) => (
            <TR key={row.user?.id ?? 'unassigned'} data-collector={row.user?.email ?? 'unassigned'}>
              <TH scope="row" className="font-normal">
                {row.user ? (
                  <>
                    <span className="font-medium">{row.user.name}</span>{' '}
                    <span className="text-xs text-slate-500">{row.user.email}</span>{' '}
                    {row.user.role !== 'collector' ? <Badge>{row.user.role}</Badge> : null}
                    {row.user.isDisabled ? <Badge tone="red">disabled</Badge> : null}
                  </>
                ) : (
                  <span className="font-medium text-slate-700">Unassigned</span>
                )}
              </TH>
              <TD className="text-right tabular-nums">
                <Link
                  href={casesLink(row.user?.id ?? 'unassigned')}
                  className="underline-offset-2 hover:underline"
                  aria-label={`${row.openCases} open cases of ${row.user?.name ?? 'nobody'}`}
                >
                  {row.openCases}
                </Link>
              </TD>
              <TD>
                {row.outstanding.length ? (
                  <ul className="space-y-0.5">
                    {row.outstanding.map((entry) => (
                      <li key={entry.currency}>
                        <Money minor={entry.amountMinor} currency={entry.currency} />{' '}
                        <span className="text-xs text-slate-500">
                          on {entry.cases} case{entry.cases === 1 ? '' : 's'}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-slate-500">—</span>
                )}
                {row.unknownAmountCases ? (
                  <div className="text-xs text-slate-500">
                    {row.unknownAmountCases} case(s) without a known amount yet
                  </div>
                ) : null}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
