'use client';

import { signIn } from 'next-auth/react';
import { useActionState } from 'react';
import { signInErrorMessage } from '@/lib/auth/sign-in-errors';

type State = { error: string | null; email: string };

type Props = { callbackUrl: string; initialError: string | null; ssoName: string | null };

export function LoginForm({ callbackUrl, initialError, ssoName }: Props) {
  const [state, formAction, isPending] = useActionState<State, FormData>(
    async (_previous, formData) => {
      const email = String(formData.get('email') ?? '');
      const result = await signIn('credentials', {
        email,
        password: String(formData.get('password') ?? ''),
        redirect: false,
      });
      if (!result?.ok || result.error) {
        return { error: signInErrorMessage(result?.error ?? 'Unknown'), email };
      }
      // A full page load, so every server component sees the new session cookie.
      window.location.assign(callbackUrl);
      return { error: null, email };
    },
    { error: initialError, email: '' },
  );

  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4" noValidate>
        <div className="space-y-1">
          <label htmlFor="email" className="block text-sm font-medium">
            Email
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={state.email}
            aria-invalid={state.error ? true : undefined}
            aria-describedby="login-error"
            className="block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-slate-900 focus:outline-2 focus:outline-slate-900"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="password" className="block text-sm font-medium">
            Password
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={state.error ? true : undefined}
            aria-describedby="login-error"
            className="block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-slate-900 focus:outline-2 focus:outline-slate-900"
          />
        </div>
        <div id="login-error" role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700">
          {state.error}
        </div>
        <button
          type="submit"
          disabled={isPending}
          className="w-full rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 disabled:opacity-60"
        >
          {isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {ssoName ? (
        <button
          type="button"
          onClick={() => void signIn('oidc', { callbackUrl })}
          className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900"
        >
          {ssoName === 'SSO' ? 'Sign in with SSO' : `Sign in with SSO (${ssoName})`}
        </button>
      ) : null}
    </div>
  );
}
