'use client';

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import type { ActionFormState } from '@/lib/case-actions/form-actions';

export const IDLE: ActionFormState = { status: 'idle', fieldErrors: {}, failure: null, actionId: null, storedAt: 0 };
type Action = (previous: ActionFormState, formData: FormData) => Promise<ActionFormState>;

/**
 * A form bound to one case action: cleared once the action is stored (it then shows in the
 * list as "sending to Debitura"), and on errors the first field named gets the focus, so a
 * keyboard user lands where the fix is.
 */
export function useActionForm(action: Action, options: { keepValues?: boolean } = {}) {
  const ref = useRef<HTMLFormElement>(null);
  const [state, dispatch, isPending] = useActionState(action, IDLE);
  useEffect(() => {
    if (state.status === 'stored' && !options.keepValues) ref.current?.reset();
    if (state.status === 'error') {
      const first = Object.keys(state.fieldErrors)[0];
      const field = first ? ref.current?.querySelector<HTMLElement>(`[name="${first}"]`) : null;
      field?.focus();
    }
  }, [state, options.keepValues]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  return { ref, state, isPending, onSubmit };
}
