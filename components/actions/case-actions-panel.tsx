import { getTranslations } from 'next-intl/server';
import { listAssignees } from '@/lib/assignment/queries';
import { getActionTarget } from '@/lib/case-actions/target';
import { portalCaseUrl } from '@/lib/case-actions/portal';
import { acceptRule, closeRule, feesRule, noteRule, paymentChangeRule, paymentRule } from '@/lib/case-actions/rules';
import { computeBalance } from '@/lib/cases/balance';
import { CLOSE_CODE_GROUPS, CLOSE_CODES, PARTNER_CLOSE_CODES } from '@/lib/cases/close-codes';
import type { CaseDetail, Viewer } from '@/lib/cases/queries';
import { agencyToday } from '@/lib/deadlines/business-time';
import { agencyCalendar } from '@/lib/deadlines/calendar';
import { closeCodeGroupLabel, closeCodeLabel, closeCodeMeaning, recipientLabel } from '@/lib/i18n/vocabulary';
import { formatMoney, toMajorUnits } from '@/lib/money/currency';
import { listCaseActions } from '@/lib/outbox/queries';
import { AcceptForm } from './accept-form';
import { ActionList } from './action-list';
import { CloseForm, type CloseGroup } from './close-form';
import { FeesForm } from './fees-form';
import { PaymentChanges } from './payment-changes';
import { PaymentForm } from './payment-form';
import { ProgressNoteForm } from './progress-note-form';

/**
 * Working the case with Debitura from its page: what was sent and where it stands, and the
 * forms the case's state allows (the same rules the JSON API applies, lib/case-actions/rules).
 * Nothing at all for someone who may not act on the case.
 */
export async function CaseActionsPanel({
  viewer,
  detail,
  locale,
}: {
  viewer: Viewer & { email: string };
  detail: CaseDetail;
  locale: string;
}) {
  const target = await getActionTarget(viewer, detail.reference);
  if (!target) return null;
  const [t, vocabulary, actions] = await Promise.all([
    getTranslations('actions'),
    getTranslations('vocabulary'),
    listCaseActions(target.id),
  ]);
  const today = agencyToday(new Date(), agencyCalendar());
  const { currency, reference } = target;
  const canAccept = !acceptRule(target);
  const canPay = !paymentRule(target, 1n, false);
  const canChangePayments = !paymentChangeRule(target) && !canAccept;
  const canClose = !closeRule(target, 'Other') && !canAccept;
  const canNote = !noteRule(target) && !canAccept;
  const canChangeFees = !feesRule(target) && !canAccept;
  const remaining = computeBalance(
    target.originalMinor,
    target.feesMinor,
    target.paidMinor + target.unconfirmedPaidMinor,
  ).remainingMinor;

  const forms: { key: string; title: string; body: React.ReactNode }[] = [];
  if (canPay && currency)
    forms.push({
      key: 'payment',
      title: t('payment.title'),
      body: (
        <PaymentForm
          reference={reference}
          currency={currency}
          today={today}
          remainingMinor={remaining === null ? null : String(remaining)}
        />
      ),
    });
  if (canChangePayments && currency) {
    const payments = detail.payments
      .filter((payment) => !payment.isDeleted && payment.amountMinor !== null && payment.date)
      .map((payment) => ({
        id: payment.debituraPaymentId,
        label: [
          payment.date!.toISOString().slice(0, 10),
          formatMoney(payment.amountMinor, payment.currency ?? currency, locale),
          recipientLabel(vocabulary, payment.recipient),
        ]
          .filter(Boolean)
          .join(' · '),
        date: payment.date!.toISOString().slice(0, 10),
        amount: String(toMajorUnits(payment.amountMinor!, payment.currency ?? currency)),
        recipient: payment.recipient ?? 'CollectionPartner',
      }));
    if (payments.length)
      forms.push({
        key: 'payment-changes',
        title: t('payment.changeTitle'),
        body: <PaymentChanges reference={reference} currency={currency} today={today} payments={payments} />,
      });
  }
  if (canClose) {
    const groups: CloseGroup[] = CLOSE_CODE_GROUPS.map((group) => ({
      group,
      label: closeCodeGroupLabel(vocabulary, group),
      codes: CLOSE_CODES.filter((info) => info.group === group && PARTNER_CLOSE_CODES.includes(info.code)).map(
        (info) => ({
          code: info.code,
          label: closeCodeLabel(vocabulary, info.code),
          meaning: closeCodeMeaning(vocabulary, info.code),
          refusal: closeRule(target, info.code)?.code ?? null,
        }),
      ),
    })).filter((group) => group.codes.length);
    forms.push({ key: 'close', title: t('close.title'), body: <CloseForm reference={reference} groups={groups} /> });
  }
  if (canNote)
    forms.push({ key: 'note', title: t('note.title'), body: <ProgressNoteForm reference={reference} today={today} /> });
  if (canChangeFees && currency) {
    const fees = (detail.fees ?? {}) as Record<string, unknown>;
    const major = (key: string) => (typeof fees[key] === 'number' ? String(fees[key]) : '0');
    forms.push({
      key: 'fees',
      title: t('fees.title'),
      body: (
        <FeesForm
          reference={reference}
          currency={currency}
          current={{
            interestFees: major('interestFees'),
            reminderFees: major('reminderFees'),
            collectionFees: major('collectionFees'),
          }}
        />
      ),
    });
  }

  return (
    <section
      aria-labelledby="case-actions-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div>
        <h2 id="case-actions-heading" className="text-sm font-semibold text-slate-900">
          {t('title')}
        </h2>
        <p className="text-xs text-slate-600">{t('intro')}</p>
      </div>
      {canAccept ? (
        <AcceptForm
          reference={reference}
          currency={currency}
          handlers={(await listAssignees()).map((user) => ({
            value: user.email,
            label: `${user.name} (${user.email})`,
          }))}
          actorEmail={viewer.email}
          portalUrl={portalCaseUrl(detail.debituraCaseId)}
        />
      ) : null}
      {forms.map((form) => (
        <details key={form.key} className="rounded-md border border-slate-200" data-testid={`action-${form.key}`}>
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-900">{form.title}</summary>
          <div className="border-t border-slate-100 p-3">{form.body}</div>
        </details>
      ))}
      <div className="space-y-1">
        <h3 className="text-sm font-semibold text-slate-900">{t('list.title')}</h3>
        <ActionList reference={reference} actions={actions} locale={locale} />
      </div>
    </section>
  );
}
