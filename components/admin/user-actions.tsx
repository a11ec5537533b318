'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { changeRoleAction, resetPasswordAction, setDisabledAction } from '@/lib/admin/actions/users';
import { IDLE } from '@/lib/admin/form-state';
import { ActionButton } from './action-button';
import { Field, FormMessage } from './field';
import { inputClass, secondaryButtonClass } from './styles';

const ROLES = ['collector', 'manager', 'admin'] as const;
const SUMMARY =
  'cursor-pointer text-sm text-sky-800 hover:underline focus-visible:outline-2 focus-visible:outline-sky-800';

type User = { id: string; email: string; name: string; role: string; isDisabled: boolean };

export function RoleForm({ user }: { user: User }) {
  const t = useTranslations('admin');
  const common = useTranslations('common');
  const [state, formAction, isPending] = useActionState(changeRoleAction, IDLE);
  const resultId = `role-result-${user.id}`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" aria-describedby={resultId}>
      <input type="hidden" name="email" value={user.email} />
      <label htmlFor={`role-${user.id}`} className="sr-only">
        {t('users.roleOf', { email: user.email })}
      </label>
      <select
        id={`role-${user.id}`}
        name="role"
        defaultValue={user.role}
        className={inputClass.replace('w-full', 'w-auto')}
        aria-describedby={resultId}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {common(`role.${role}`)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={isPending}
        className={secondaryButtonClass}
        aria-label={t('users.saveRoleOf', { email: user.email })}
      >
        {isPending ? t('users.saving') : t('users.saveRole')}
      </button>
      <FormMessage id={resultId} status={state.status} message={state.message} />
    </form>
  );
}

export function DisableButton({ user }: { user: User }) {
  const t = useTranslations('admin.users');
  return (
    <ActionButton
      action={setDisabledAction}
      fields={{ email: user.email, disabled: String(!user.isDisabled) }}
      label={user.isDisabled ? t('enable') : t('disable')}
      ariaLabel={t(user.isDisabled ? 'enableUser' : 'disableUser', { email: user.email })}
      isDanger={!user.isDisabled}
    />
  );
}

/** Behind a disclosure, so a row stays small until an admin really means to reset. */
export function ResetPasswordForm({ user }: { user: User }) {
  const t = useTranslations('admin.users');
  const [state, formAction, isPending] = useActionState(resetPasswordAction, IDLE);
  const prefix = `reset-${user.id}`;
  return (
    <details className="group">
      <summary className={SUMMARY}>
        {t('resetPassword')}
        <span className="sr-only">{t('ofUser', { email: user.email })}</span>
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
          label={t('newPassword')}
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          error={state.fieldErrors?.password}
        />
        <button type="submit" disabled={isPending} className={`${secondaryButtonClass} mt-6`}>
          {isPending ? t('setting') : t('setPassword')}
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
