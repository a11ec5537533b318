import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/components/auth/login-form';
import { oidcSettings } from '@/lib/auth/config';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { getSessionUser } from '@/lib/auth/session';
import { signInError } from '@/lib/auth/sign-in-errors';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (await getSessionUser()) redirect(callbackUrl);
  const sso = oidcSettings();
  const t = await getTranslations('auth');

  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-2xl font-semibold">Casedesk</h1>
        <p className="mb-6 text-sm text-slate-600">{t('intro')}</p>
        <LoginForm
          callbackUrl={callbackUrl}
          initialError={signInError(first(params.error))}
          ssoName={sso ? sso.name : null}
        />
      </div>
    </main>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
