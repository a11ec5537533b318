'use client';

import { useActionState } from 'react';
import { createTokenAction, type CreateTokenState } from '@/app/(app)/account/actions';

export function CreateTokenForm() {
  const [state, formAction, isPending] = useActionState<CreateTokenState, FormData>(createTokenAction, {
    token: null,
    error: null,
  });
  return (
    <div className="space-y-3">
      <form action={formAction} className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor="token-name" className="block text-sm font-medium">
            Token name
          </label>
          <input
            id="token-name"
            name="name"
            required
            maxLength={100}
            placeholder="e.g. reporting script"
            aria-describedby="token-result"
            aria-invalid={state.error ? true : undefined}
            className="rounded-md border border-slate-300 px-3 py-2 focus:outline-2 focus:outline-slate-900"
          />
        </div>
        <button
          type="submit"
          disabled={isPending}
          className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 disabled:opacity-60"
        >
          {isPending ? 'Creating…' : 'Create token'}
        </button>
      </form>
      <div id="token-result" aria-live="polite">
        {state.error ? <p className="text-sm text-red-700">{state.error}</p> : null}
        {state.token ? (
          <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3">
            <p className="text-sm font-medium">Copy this token now: it will not be shown again.</p>
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
