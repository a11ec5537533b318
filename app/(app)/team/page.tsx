import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Money } from '@/components/payments/money';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { teamWorkload } from '@/lib/assignment/queries';
import { requirePermission } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('team');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Each collector's open workload and outstanding total per currency (managers). */
export default async function TeamPage({ searchParams }: Props) {
  await requirePermission('cases:assign');
  const isTest = (await searchParams).isTest === 'true';
  const [team, t] = await Promise.all([teamWorkload(isTest), getTranslations('team')]);
  const casesLink = (assignee: string) => `/cases?assignee=${assignee}${isTest ? '&isTest=true' : ''}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="text-sm text-slate-600">{t('intro', { isTest: String(isTest) })}</p>
        </div>
        <nav aria-label={t('liveOrTest')} className="flex gap-3 text-sm">
          <Link
            href="/team"
            aria-current={isTest ? undefined : 'page'}
            className={isTest ? 'underline' : 'font-semibold'}
          >
            {t('live')}
          </Link>
          <Link
            href="/team?isTest=true"
            aria-current={isTest ? 'page' : undefined}
            className={isTest ? 'font-semibold' : 'underline'}
          >
            {t('test')}
          </Link>
        </nav>
      </div>
      <Table caption={t('caption')} data-testid="team-table">
        <THead>
          <TR>
            <TH>{t('collector')}</TH>
            <TH className="text-right">{t('openCases')}</TH>
            <TH>{t('outstanding')}</TH>
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
                    {row.user.isDisabled ? <Badge tone="red">{t('disabled')}</Badge> : null}
                  </>
                ) : (
                  <span className="font-medium text-slate-700">{t('unassigned')}</span>
                )}
              </TH>
              <TD className="text-right tabular-nums">
                <Link
                  href={casesLink(row.user?.id ?? 'unassigned')}
                  className="underline-offset-2 hover:underline"
                  aria-label={t('openCasesOf', { count: row.openCases, name: row.user?.name ?? t('nobody') })}
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
                        <span className="text-xs text-slate-500">{t('onCases', { count: entry.cases })}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-slate-500">—</span>
                )}
                {row.unknownAmountCases ? (
                  <div className="text-xs text-slate-500">{t('unknownAmount', { count: row.unknownAmountCases })}</div>
                ) : null}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
