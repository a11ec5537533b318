'use client';

import { useActionState } from 'react';
import { changeRoleAction, resetPasswordAction, setDisabledAction } from '@/lib/admin/actions/users';
import { IDLE } from '@/lib/admin/form-state';
import { ActionButton } from './action-button';
import { Field, FormMessage } from './field';
import { inputClass, secondaryButtonClass } from './styles';

type User = { id: string; email: string; name: string; role: string; isDisabled: boolean };

export function RoleForm({ user }: { user: User }) {
  const [state, formAction, isPending] = useActionState(changeRoleAction, IDLE);
  const resultId = `role-result-${user.id}`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" aria-describedby={resultId}>
      <input type="hidden" name="email" value={user.email} />
      <label htmlFor={`role-${user.id}`} className="sr-only">
        Role of {user.email}
      </label>
      <select
        id={`role-${user.id}`}
        name="role"
        defaultValue={user.role}
        className={inputClass.replace('w-full', 'w-auto')}
        aria-describedby={resultId}
      >
        <option value="collector">collector</option>
        <option value="manager">manager</option>
        <option value="admin">admin</option>
      </select>
      <button
        type="submit"
        disabled={isPending}
        className={secondaryButtonClass}
        aria-label={`Save role of ${user.email}`}
      >
        {isPending ? 'Saving…' : 'Save role'}
      </button>
      <FormMessage id={resultId} status={state.status} message={state.message} />
    </form>
  );
}

export function DisableButton({ user }: { user: User }) {
  return (
    <ActionButton
      action={setDisabledAction}
      fields={{ email: user.email, disabled: String(!user.isDisabled) }}
      label={user.isDisabled ? 'Enable' : 'Disable'}
      ariaLabel={`${user.isDisabled ? 'Enable' : 'Disable'} ${user.email}`}
      isDanger={!user.isDisabled}
    />
  );
}

/** Behind a disclosure, so a row stays small until an admin really means to reset. */
export function ResetPasswordForm({ user }: { user: User }) {
  const [state, formAction, isPending] = useActionState(resetPasswordAction, IDLE);
  const prefix = `reset-${user.id}`;
  return (
    <details className="group">
      <summary className="cursor-pointer text-sm text-sky-800 hover:underline focus-visible:outline-2 focus-visible:outline-sky-800">
        Reset password<span className="sr-only"> of {user.email}</span>
      </summary>
      <form
        action={formAction}
        noValidate
        className="mt-2 flex flex-wrap items-start gap-2"
        aria-describedby={`${prefix}-result`}
      >
        <input type="hidden" name="email" value={user.email} />
        <Field
          idPrefix={prefix}
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          error={state.fieldErrors?.password}
        />
        <button type="submit" disabled={isPending} className={`${secondaryButtonClass} mt-6`}>
          {isPending ? 'Setting…' : 'Set password'}
        </button>
        <FormMessage
          id={`${prefix}-result`}
          status={state.status}
          message={state.status === 'error' && state.fieldErrors ? undefined : state.message}
        />
      </form>
    </details>
  );
}
