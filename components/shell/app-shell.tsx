import Link from 'next/link';
import { Suspense } from 'react';
import { QueueNavCount } from '@/components/queue/queue-nav-count';
import { getTranslations } from 'next-intl/server';
import type { SessionUser } from '@/lib/auth/session';
import { DebituraDisabledBanner } from '@/components/debitura/disabled-banner';
import { NavLinks } from './nav-links';
import { navItemsFor } from './nav-items';
import { SignOutButton } from './sign-out-button';

const focusRing = 'focus-visible:outline-2 focus-visible:outline-slate-900';

/** The signed-in frame: top navigation by role, who is signed in, and sign-out. */
export async function AppShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  const [t, tCommon] = await Promise.all([getTranslations('shell'), getTranslations('common')]);
  const items = navItemsFor(user).map(({ href, labelKey }) => ({
    href,
    label: t(`nav.${labelKey}`),
    // The queue link carries the count due today, streamed in so it never holds the page up.
    badge:
      href === '/queue' ? (
        <Suspense fallback={null}>
          <QueueNavCount user={user} />
        </Suspense>
      ) : undefined,
  }));
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className={[
          'sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50',
          'focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow',
        ].join(' ')}
      >
        {t('skipToContent')}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className={`text-lg font-semibold tracking-tight ${focusRing}`}>
            Casedesk
          </Link>
          <nav
            aria-label={t('mainNav')}
            className="order-last w-full overflow-x-auto sm:order-none sm:w-auto sm:flex-1"
          >
            <NavLinks items={items} />
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <Link
              href="/account"
              className={`text-right leading-tight hover:underline ${focusRing}`}
              data-testid="current-user"
            >
              <span className="block font-medium">{user.name}</span>
              <span className="block text-xs text-slate-500">{tCommon(`role.${user.role}`)}</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <DebituraDisabledBanner user={user} />
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
