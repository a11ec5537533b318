'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { ActionFormState } from '@/lib/case-actions/form-actions';

/**
 * What every action form shows: a labelled field with its own error (tied by
 * aria-describedby, announced), and the form's status line (stored, or why not).
 */

export function fieldProps(form: string, name: string, state: ActionFormState, hint = false) {
  const id = `${form}-${name}`;
  const hasError = Boolean(state.fieldErrors[name]);
  const describedBy = [hint ? `${id}-hint` : null, hasError ? `${id}-error` : null].filter(Boolean).join(' ');
  return {
    id,
    name,
    'aria-invalid': hasError || undefined,
    'aria-describedby': describedBy || undefined,
  };
}

export function ActionField({
  form,
  name,
  label,
  hint,
  state,
  children,
  className,
}: {
  form: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  state: ActionFormState;
  children: ReactNode;
  className?: string;
}) {
  const t = useTranslations('actions.fieldErrors');
  const id = `${form}-${name}`;
  const error = state.fieldErrors[name];
  return (
    <div className={className ?? 'space-y-1'}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <p id={`${id}-error`} className="text-xs text-red-700" aria-live="polite">
        {error ? t(error) : null}
      </p>
    </div>
  );
}

/** The form's outcome, announced politely: stored (and sending), or why nothing was stored. */
export function FormStatus({ id, state, stored }: { id: string; state: ActionFormState; stored: string }) {
  const t = useTranslations('actions');
  let text: string | null = null;
  if (state.status === 'stored') text = stored;
  else if (state.status === 'error') text = state.failure ? t(`failures.${state.failure}`) : t('checkFields');
  return (
    <p
      id={id}
      role="status"
      aria-live="polite"
      className={state.status === 'error' ? 'text-sm text-red-700' : 'text-sm text-green-800'}
    >
      {text}
    </p>
  );
}
