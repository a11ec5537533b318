'use client';

import { useActionState, useId } from 'react';
import type { FormState } from '@/lib/admin/form-state';
import { dangerButtonClass, secondaryButtonClass } from './styles';

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** Hidden form fields naming what the button acts on. */
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  /** Accessible name when the visible label alone is ambiguous in a table row. */
  ariaLabel?: string;
  isDanger?: boolean;
};

/** One button that runs one server action, with its outcome read out beside it. */
export function ActionButton({ action, fields, label, pendingLabel, ariaLabel, isDanger }: Props) {
  const [state, formAction, isPending] = useActionState(action, { status: 'idle' } satisfies FormState);
  const resultId = useId();
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={isPending}
        aria-label={ariaLabel}
        aria-describedby={resultId}
        className={isDanger ? dangerButtonClass : secondaryButtonClass}
      >
        {isPending ? (pendingLabel ?? `${label}…`) : label}
      </button>
      <span
        id={resultId}
        role="status"
        className={`text-xs ${state.status === 'error' ? 'text-red-700' : 'text-slate-600'}`}
      >
        {state.message}
      </span>
    </form>
  );
}
