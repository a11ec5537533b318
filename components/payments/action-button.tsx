'use client';

import { useActionState, useId } from 'react';
import type { ActionState } from '@/app/(app)/payments/actions';
import { Button } from '@/components/ui/button';

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  fields?: Record<string, string>;
  label: string;
  /** The accessible name when the visible label alone is ambiguous in a table row. */
  ariaLabel?: string;
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
};

/** One button running one server action, with its outcome read out beside it. */
export function ActionButton({ action, fields = {}, label, ariaLabel, variant = 'secondary' }: Props) {
  const [state, formAction, isPending] = useActionState(action, { status: 'idle' });
  const statusId = useId();
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button
        type="submit"
        size="sm"
        variant={variant}
        disabled={isPending}
        aria-label={ariaLabel}
        aria-describedby={statusId}
      >
        {isPending ? `${label}…` : label}
      </Button>
      <span
        id={statusId}
        role="status"
        className={`text-xs ${state.status === 'error' ? 'text-red-700' : 'text-slate-600'}`}
      >
        {state.message}
      </span>
    </form>
  );
}
