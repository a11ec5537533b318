'use client';

import { useActionState, useRef, useState } from 'react';
import { createTokenAction } from '@/lib/admin/actions/users';
import { IDLE } from '@/lib/admin/form-state';
import { Field, FormMessage, SelectField } from './field';
import { buttonClass, secondaryButtonClass } from './styles';

type UserOption = { id: string; email: string; name: string };

export function CreateTokenForm({ users }: { users: UserOption[] }) {
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
          Create an API token
        </h2>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <SelectField
            idPrefix="new-token"
            name="userId"
            label="For user"
            required
            defaultValue={values.userId ?? ''}
            error={errors.userId}
          >
            <option value="" disabled>
              Choose a user…
            </option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name} ({user.email})
              </option>
            ))}
          </SelectField>
          <Field
            idPrefix="new-token"
            name="name"
            label="Token name"
            required
            maxLength={100}
            placeholder="e.g. reporting script"
            defaultValue={values.name}
            error={errors.name}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={isPending} className={buttonClass}>
            {isPending ? 'Creating…' : 'Create token'}
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
  const input = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState('');
  async function copy() {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(token);
      setCopyStatus('Copied.');
    } catch {
      setCopyStatus('Press Ctrl+C (⌘C) to copy the selected token.');
    }
  }
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
      <label htmlFor="new-token-value" className="block text-sm font-medium">
        Copy this token now: it will not be shown again.
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
          Copy
        </button>
      </div>
      <p id="new-token-copy-status" role="status" className="text-xs text-slate-700">
        {copyStatus}
      </p>
    </div>
  );
}
