'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef, useState } from 'react';
import { createTokenAction } from '@/lib/admin/actions/users';
import { IDLE } from '@/lib/admin/form-state';
import { TokenOptionsFields } from '@/components/security/token-options-fields';
import { Field, FormMessage, SelectField } from './field';
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from './styles';

type UserOption = { id: string; email: string; name: string };

export function CreateTokenForm({ users }: { users: UserOption[] }) {
  const t = useTranslations('admin.tokens');
  const [state, formAction, isPending] = useActionState(createTokenAction, IDLE);
  const errors = state.fieldErrors ?? {};
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  return (
    <div className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
      <form
        action={formAction}
        noValidate
        aria-labelledby="create-token-heading"
        aria-describedby="create-token-result"
        className="space-y-3"
      >
        <h2 id="create-token-heading" className="text-lg font-semibold">
          {t('createTitle')}
        </h2>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <SelectField
            idPrefix="new-token"
            name="userId"
            label={t('forUser')}
            required
            defaultValue={values.userId ?? ''}
            error={errors.userId}
          >
            <option value="" disabled>
              {t('chooseUser')}
            </option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {t('userOption', { name: user.name, email: user.email })}
              </option>
            ))}
          </SelectField>
          <Field
            idPrefix="new-token"
            name="name"
            label={t('tokenName')}
            required
            maxLength={100}
            placeholder={t('tokenNamePlaceholder')}
            defaultValue={values.name}
            error={errors.name}
          />
          <TokenOptionsFields
            idPrefix="new-token"
            labelClassName={labelClass}
            selectClassName={inputClass}
            defaultScope={values.scope}
            defaultDays={values.expiresInDays}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={isPending} className={buttonClass}>
            {isPending ? t('creating') : t('create')}
          </button>
          <FormMessage id="create-token-result" status={state.status} message={state.message} />
        </div>
      </form>
      {state.token ? <NewToken token={state.token} /> : null}
    </div>
  );
}

/** The token, once: it lives only in this page's memory and is gone on reload. */
function NewToken({ token }: { token: string }) {
  const t = useTranslations('admin.tokens');
  const input = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState('');
  async function copy() {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(token);
      setCopyStatus(t('copied'));
    } catch {
      setCopyStatus(t('copyByHand'));
    }
  }
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
      <label htmlFor="new-token-value" className="block text-sm font-medium">
        {t('copyNow')}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          ref={input}
          id="new-token-value"
          data-testid="new-token"
          readOnly
          value={token}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby="new-token-copy-status"
          className="min-w-0 flex-1 rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-sm"
        />
        <button type="button" onClick={() => void copy()} className={secondaryButtonClass}>
          {t('copy')}
        </button>
      </div>
      <p id="new-token-copy-status" role="status" className="text-xs text-slate-700">
        {copyStatus}
      </p>
    </div>
  );
}
