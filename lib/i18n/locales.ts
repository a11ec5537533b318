import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';

/**
 * The languages Casedesk speaks. Adding one: a folder of catalogs in lib/i18n/messages/<code>/
 * with the same files and keys as `en` (lib/i18n/catalogs.test.ts checks), and its code here.
 */
export const LOCALES = ['en', 'de', 'da'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language by its own name, as language pickers show them, whatever the page's language. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch', da: 'Dansk' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** CASEDESK_DEFAULT_LOCALE when it names a supported language, else English. */
export function defaultLocale(env: Partial<Record<string, string>> = process.env): Locale {
  const configured = env.CASEDESK_DEFAULT_LOCALE?.trim().toLowerCase();
  return isLocale(configured) ? configured : 'en';
}

/**
 * The language to show: the user's own choice, else the best match for the browser's
 * Accept-Language (by the standard lookup algorithm, so `de-AT` gets German), else the default.
 */
export function resolveLocale(input: {
  userLocale?: string | null;
  acceptLanguage?: string | null;
  fallback: Locale;
}): Locale {
  if (isLocale(input.userLocale)) return input.userLocale;
  if (!input.acceptLanguage) return input.fallback;
  const requested = new Negotiator({ headers: { 'accept-language': input.acceptLanguage } })
    .languages()
    .filter((tag) => tag !== '*');
  try {
    return match(requested, LOCALES, input.fallback) as Locale;
  } catch {
    // A malformed tag in the header: ignore the header rather than fail the page.
    return input.fallback;
  }
}
