'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { createUserAction } from '@/lib/admin/actions/users';
import { IDLE } from '@/lib/admin/form-state';
import { Field, FormMessage, SelectField } from './field';
import { buttonClass } from './styles';

/** Each role with what it may do: `admin.users.<labelKey>`. */
const ROLE_OPTIONS = [
  { value: 'collector', labelKey: 'roleCollector' },
  { value: 'manager', labelKey: 'roleManager' },
  { value: 'admin', labelKey: 'roleAdmin' },
] as const;

export function CreateUserForm() {
  const t = useTranslations('admin.users');
  const [state, formAction, isPending] = useActionState(createUserAction, IDLE);
  const errors = state.fieldErrors ?? {};
  // React resets the form after each submit; the defaults bring back what was typed after an error.
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  return (
    <form
      noValidate
      action={formAction}
      aria-labelledby="create-user-heading"
      aria-describedby="create-user-result"
      className="space-y-3 rounded-md border border-slate-200 bg-white p-4"
    >
      <h2 id="create-user-heading" className="text-lg font-semibold">
        {t('addTitle')}
      </h2>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field
          idPrefix="new-user"
          name="email"
          label={t('email')}
          type="email"
          autoComplete="off"
          required
          defaultValue={values.email}
          error={errors.email}
        />
        <Field
          idPrefix="new-user"
          name="name"
          label={t('name')}
          required
          maxLength={100}
          defaultValue={values.name}
          error={errors.name}
        />
        <SelectField
          idPrefix="new-user"
          name="role"
          label={t('role')}
          defaultValue={values.role ?? 'collector'}
          error={errors.role}
        >
          {ROLE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {t(option.labelKey)}
            </option>
          ))}
        </SelectField>
        <Field
          idPrefix="new-user"
          name="password"
          label={t('initialPassword')}
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          hint={t('passwordHint')}
          error={errors.password}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={isPending} className={buttonClass}>
          {isPending ? t('adding') : t('add')}
        </button>
        <FormMessage id="create-user-result" status={state.status} message={state.message} />
      </div>
    </form>
  );
}
