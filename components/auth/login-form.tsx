'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/input';
import { signInError, type SignInError } from '@/lib/auth/sign-in-errors';

type State = { error: SignInError | null; email: string };

type Props = { callbackUrl: string; initialError: SignInError | null; ssoName: string | null };

export function LoginForm({ callbackUrl, initialError, ssoName }: Props) {
  const t = useTranslations('auth');
  const [state, formAction, isPending] = useActionState<State, FormData>(
    async (_previous, formData) => {
      const email = String(formData.get('email') ?? '');
      const result = await signIn('credentials', {
        email,
        password: String(formData.get('password') ?? ''),
        redirect: false,
      });
      if (!result?.ok || result.error) {
        return { error: signInError(result?.error ?? 'Unknown'), email };
      }
      // A full page load, so every server component sees the new session cookie.
      window.location.assign(callbackUrl);
      return { error: null, email };
    },
    { error: initialError, email: '' },
  );
  const error = state.error
    ? state.error.key === 'locked'
      ? t('error.locked', { minutes: state.error.minutes })
      : t(`error.${state.error.key}`)
    : null;

  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4" noValidate>
        <div className="space-y-1">
          <Label htmlFor="email">{t('email')}</Label>
          <Input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={state.email}
            aria-invalid={state.error ? true : undefined}
            aria-describedby="login-error"
          />
        </div>
        <div className="space-y-1">
          <Label htmlFor="password">{t('password')}</Label>
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={state.error ? true : undefined}
            aria-describedby="login-error"
          />
        </div>
        <div id="login-error" role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700">
          {error}
        </div>
        <Button type="submit" disabled={isPending} className="w-full">
          {isPending ? t('submitting') : t('submit')}
        </Button>
      </form>
      {ssoName ? (
        <Button variant="secondary" className="w-full" onClick={() => void signIn('oidc', { callbackUrl })}>
          {ssoName === 'SSO' ? t('sso') : t('ssoNamed', { name: ssoName })}
        </Button>
      ) : null}
    </div>
  );
}
