import 'server-only';
import { headers } from 'next/headers';
import { getSessionUser } from '@/lib/auth/session';
import { defaultLocale, resolveLocale, type Locale } from './locales';

/**
 * The language of this request: the signed-in user's choice (account page), else the
 * browser's Accept-Language, else CASEDESK_DEFAULT_LOCALE, else English. The session user is
 * cached per request, so pages that also ask for it cost no second query.
 */
export async function requestLocale(): Promise<Locale> {
  // Headers first: outside a request (prerendering at build time) this bails out before
  // anything touches the database.
  const acceptLanguage = (await headers()).get('accept-language');
  const user = await getSessionUser();
  return resolveLocale({ userLocale: user?.locale, acceptLanguage, fallback: defaultLocale() });
}
