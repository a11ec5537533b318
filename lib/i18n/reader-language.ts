import { createTranslator } from 'next-intl';
import { loadMessages } from '@/lib/i18n/catalog';
import { defaultLocale, resolveLocale, type Locale } from '@/lib/i18n/locales';

/** Looks a message up by its full key (`csv.payments.date`) and fills its ICU arguments. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The language of a response built outside a page (CSV exports' headers, the proxy's 403):
 * the requesting user's own choice, else the browser's Accept-Language, else the agency
 * default. Plain functions rather than next-intl's request config, so an export reads the
 * same from a token-authenticated script as from a browser.
 */
export function readerLanguage(
  request: Request,
  user: { id: string; locale?: string | null },
): { locale: Locale; t: Translate } {
  const locale = resolveLocale({
    userLocale: user.locale,
    acceptLanguage: request.headers.get('accept-language'),
    fallback: defaultLocale(),
  });
  const translator = createTranslator({ locale, messages: loadMessages(locale) });
  return { locale, t: (key, values) => translator(key as never, values as never) };
}
