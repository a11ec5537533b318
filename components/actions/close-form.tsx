'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/input';
import { closeCaseAction } from '@/lib/case-actions/form-actions';
import type { RefusalCode } from '@/lib/case-actions/rules';
import { MAX_CLOSE_COMMENT } from '@/lib/case-actions/schemas';
import { ActionField, fieldProps, FormStatus } from './form-parts';
import { useActionForm } from './use-action-form';

const FORM = 'close';

export type CloseChoice = {
  code: string;
  label: string;
  meaning: string;
  /** Why this code cannot be used now (Paid without enough payments), or null. */
  refusal: RefusalCode | null;
};
export type CloseGroup = { group: string; label: string; codes: CloseChoice[] };

/** Close the case with one of the partner close codes, grouped as the one close-code table groups them. */
export function CloseForm({ reference, groups }: { reference: string; groups: CloseGroup[] }) {
  const t = useTranslations('actions.close');
  const failures = useTranslations('actions.failures');
  const fieldErrors = useTranslations('actions.fieldErrors');
  const { ref, state, isPending, onSubmit } = useActionForm(closeCaseAction.bind(null, reference));
  const [code, setCode] = useState('');
  const codeError = state.fieldErrors.closeCode;
  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t('title')}>
      <fieldset className="space-y-3" aria-describedby={codeError ? 'close-closeCode-error' : undefined}>
        <legend className="text-xs font-medium text-slate-700">{t('code')}</legend>
        {groups.map((group) => (
          <fieldset key={group.group} className="space-y-1">
            <legend className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{group.label}</legend>
            {group.codes.map((choice) => {
              const id = `close-code-${choice.code}`;
              return (
                <div key={choice.code} className="flex items-start gap-2">
                  <input
                    type="radio"
                    id={id}
                    name="closeCode"
                    value={choice.code}
                    disabled={choice.refusal !== null}
                    onChange={() => setCode(choice.code)}
                    aria-describedby={`${id}-meaning`}
                    className="mt-1 h-4 w-4"
                  />
                  <label htmlFor={id} className="text-sm">
                    <span className="font-medium">{choice.label}</span>
                    <span id={`${id}-meaning`} className="block text-xs text-slate-600">
                      {choice.meaning}
                      {choice.refusal ? ` ${t('unavailable', { reason: failures(choice.refusal) })}` : ''}
                    </span>
                  </label>
                </div>
              );
            })}
          </fieldset>
        ))}
        <p id="close-closeCode-error" className="text-xs text-red-700" aria-live="polite">
          {codeError ? fieldErrors(codeError) : null}
        </p>
      </fieldset>
      <ActionField
        form={FORM}
        name="comment"
        label={code === 'Other' ? t('commentRequired') : t('comment')}
        hint={t('commentHint')}
        state={state}
      >
        <Textarea
          {...fieldProps(FORM, 'comment', state, true)}
          rows={3}
          maxLength={MAX_CLOSE_COMMENT}
          required={code === 'Other'}
        />
      </ActionField>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isPending}>
          {t('submit')}
        </Button>
        <FormStatus id="close-status" state={state} stored={t('stored')} />
      </div>
    </form>
  );
}
