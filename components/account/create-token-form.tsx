'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { createTokenAction, type CreateTokenState } from '@/app/(app)/account/actions';
import { TokenOptionsFields } from '@/components/security/token-options-fields';

const LABEL = 'block text-sm font-medium';
const INPUT = 'rounded-md border border-slate-300 px-3 py-2 focus:outline-2 focus:outline-slate-900';

export function CreateTokenForm() {
  const t = useTranslations('account.tokens');
  const [state, formAction, isPending] = useActionState<CreateTokenState, FormData>(createTokenAction, {
    token: null,
    error: null,
  });
  return (
    <div className="space-y-3">
      <form action={formAction} className="flex flex-wrap items-start gap-2">
        <div className="space-y-1">
          <label htmlFor="token-name" className={LABEL}>
            {t('name')}
          </label>
          <input
            id="token-name"
            name="name"
            required
            maxLength={100}
            placeholder={t('namePlaceholder')}
            aria-describedby="token-result"
            aria-invalid={state.error ? true : undefined}
            className={INPUT}
          />
        </div>
        <TokenOptionsFields idPrefix="token" labelClassName={LABEL} selectClassName={INPUT} />
        <button
          type="submit"
          disabled={isPending}
          className="mt-6 rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 disabled:opacity-60"
        >
          {isPending ? t('creating') : t('create')}
        </button>
      </form>
      <div id="token-result" aria-live="polite">
        {state.error ? <p className="text-sm text-red-700">{state.error}</p> : null}
        {state.token ? (
          <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3">
            <p className="text-sm font-medium">{t('copyNow')}</p>
            <code
              data-testid="new-token"
              className="block overflow-x-auto rounded bg-white p-2 text-sm break-all select-all"
            >
              {state.token}
            </code>
          </div>
        ) : null}
      </div>
    </div>
  );
}
