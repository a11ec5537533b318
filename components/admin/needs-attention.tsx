import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { retryCaseDetailAction } from '@/lib/admin/actions/case-detail';
import { listStuckCaseDetails, listStuckEvents } from '@/lib/admin/attention';
import { ActionButton } from './action-button';
import { ReprocessButton } from './reprocess-buttons';
import { cellClass, headCellClass, linkClass, tableClass, tableFrameClass } from './styles';

/**
 * The admin overview's list of what a person should look at: events the applier set aside or
 * retries (with the error and a reprocess button) and case detail that could not be fetched
 * (with the API's answer and a retry button). What Debitura sent is shown as is.
 */
export async function NeedsAttention() {
  const [t, format, events, details] = await Promise.all([
    getTranslations('reliability.attention'),
    getFormatter(),
    listStuckEvents(),
    listStuckCaseDetails(),
  ]);
  const at = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: 'short', timeStyle: 'short' }) : '');
  const caseLink = (reference: string | null) =>
    reference ? (
      <Link href={`/cases/${encodeURIComponent(reference)}`} className={`font-mono ${linkClass}`}>
        {reference}
      </Link>
    ) : null;
  return (
    <section aria-labelledby="needs-attention" className="space-y-4">
      <div>
        <h2 id="needs-attention" className="text-lg font-semibold">
          {t('heading')}
        </h2>
        <p className="text-sm text-slate-600">{t('intro')}</p>
      </div>

      <h3 className="font-medium">{t('events.heading')}</h3>
      {events.length ? (
        <div className={tableFrameClass}>
          <table className={tableClass} data-testid="stuck-events">
            <caption className="sr-only">{t('events.caption')}</caption>
            <thead className="border-b border-slate-200">
              <tr>
                <th scope="col" className={headCellClass}>
                  {t('events.received')}
                </th>
                <th scope="col" className={headCellClass}>
                  {t('events.event')}
                </th>
                <th scope="col" className={headCellClass}>
                  {t('events.case')}
                </th>
                <th scope="col" className={headCellClass}>
                  {t('events.state')}
                </th>
                <th scope="col" className={headCellClass}>
                  {t('events.error')}
                </th>
                <th scope="col" className={headCellClass}>
                  <span className="sr-only">{t('events.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id} className="border-b border-slate-100" data-event-id={event.id}>
                  <td className={cellClass}>{at(event.receivedAt)}</td>
                  <td className={`${cellClass} font-mono text-xs`}>
                    <Link href={`/admin/deliveries/${encodeURIComponent(event.id)}`} className={linkClass}>
                      {event.type}
                    </Link>
                  </td>
                  <td className={cellClass}>{caseLink(event.caseReference)}</td>
                  <td className={cellClass}>
                    {event.status === 'failed'
                      ? t('events.failed', { attempts: event.attempts })
                      : t('events.retrying', { attempts: event.attempts, next: at(event.nextAttemptAt) })}
                  </td>
                  <td className={`${cellClass} max-w-md text-xs break-words text-red-700`}>{event.error}</td>
                  <td className={cellClass}>
                    <ReprocessButton id={event.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t('events.empty')}</p>
      )}
      {events.some((event) => event.status === 'failed') ? (
        <Link href="/admin/deliveries?status=failed" className={`text-sm ${linkClass}`}>
          {t('events.allFailed')}
        </Link>
      ) : null}

      <h3 className="font-medium">{t('details.heading')}</h3>
      {details.length ? (
        <div className={tableFrameClass}>
          <table className={tableClass} data-testid="stuck-case-details">
            <caption className="sr-only">{t('details.caption')}</caption>
            <thead className="border-b border-slate-200">
              <tr>
                <th scope="col" className={headCellClass}>
                  {t('details.case')}
                </th>
                <th scope="col" className={headCellClass}>
                  {t('details.state')}
                </th>
                <th scope="col" className={headCellClass}>
                  {t('details.error')}
                </th>
                <th scope="col" className={headCellClass}>
                  <span className="sr-only">{t('details.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {details.map((detail) => (
                <tr key={detail.id} className="border-b border-slate-100" data-case-reference={detail.reference}>
                  <td className={cellClass}>{caseLink(detail.reference)}</td>
                  <td className={cellClass}>
                    {detail.detailStatus === 'failed'
                      ? t('details.failed', { attempts: detail.detailAttempts })
                      : t('details.waiting', { attempts: detail.detailAttempts, next: at(detail.detailNextAttemptAt) })}
                  </td>
                  <td className={`${cellClass} max-w-md text-xs break-words text-red-700`}>{detail.detailError}</td>
                  <td className={cellClass}>
                    <ActionButton
                      action={retryCaseDetailAction}
                      fields={{ id: detail.id, reference: detail.reference }}
                      label={t('details.retry')}
                      pendingLabel={t('details.retryPending')}
                      ariaLabel={t('details.retryLabel', { reference: detail.reference })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t('details.empty')}</p>
      )}
    </section>
  );
}
