'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Input, Textarea } from '@/components/ui/input';
import { Select, type SelectOption } from '@/components/ui/select';
import { acceptAction } from '@/lib/case-actions/form-actions';
import { MAX_AGENCY_REFERENCE, MAX_WELCOME_MESSAGE } from '@/lib/case-actions/schemas';
import { ActionField, fieldProps, FormStatus } from './form-parts';
import { useActionForm } from './use-action-form';

const FORM = 'accept';

/** Accept a new case (PendingVerification): the welcome message goes to the creditor by email. */
export function AcceptForm({
  reference,
  currency,
  handlers,
  actorEmail,
  portalUrl,
}: {
  reference: string;
  currency: string | null;
  handlers: SelectOption[];
  actorEmail: string;
  portalUrl: string;
}) {
  const t = useTranslations('actions.accept');
  const { ref, state, isPending, onSubmit } = useActionForm(acceptAction.bind(null, reference));
  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby="accept-title">
      <h3 id="accept-title" className="text-sm font-semibold text-slate-900">
        {t('title')}
      </h3>
      <ActionField form={FORM} name="welcomeMessage" label={t('welcomeMessage')} hint={t('welcomeHint')} state={state}>
        <Textarea
          {...fieldProps(FORM, 'welcomeMessage', state, true)}
          rows={4}
          required
          maxLength={MAX_WELCOME_MESSAGE}
        />
      </ActionField>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <ActionField form={FORM} name="handlerEmail" label={t('handler')} state={state}>
          <Select {...fieldProps(FORM, 'handlerEmail', state)} defaultValue={actorEmail} options={handlers} />
        </ActionField>
        <ActionField
          form={FORM}
          name="agencyReference"
          label={t('agencyReference')}
          hint={t('agencyReferenceHint')}
          state={state}
        >
          <Input {...fieldProps(FORM, 'agencyReference', state, true)} maxLength={MAX_AGENCY_REFERENCE} />
        </ActionField>
      </div>
      {currency ? (
        <fieldset className="space-y-2">
          <legend className="text-xs font-medium text-slate-700">{t('openingFees', { currency })}</legend>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            {(['interestFees', 'reminderFees', 'collectionFees'] as const).map((fee) => (
              <ActionField key={fee} form={FORM} name={fee} label={t(`fees.${fee}`)} state={state}>
                <Input {...fieldProps(FORM, fee, state)} inputMode="decimal" placeholder="0.00" />
              </ActionField>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isPending}>
          {isPending ? t('accepting') : t('submit')}
        </Button>
        <FormStatus id="accept-status" state={state} stored={t('stored')} />
      </div>
      <p className="text-xs text-slate-600">
        {t.rich('decline', {
          link: (chunks) => (
            <a href={portalUrl} target="_blank" rel="noreferrer" className="font-medium text-slate-900 underline">
              {chunks}
            </a>
          ),
        })}
      </p>
    </form>
  );
}
