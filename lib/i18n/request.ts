import { getRequestConfig } from 'next-intl/server';
import { loadMessages } from './catalog';
import { requestLocale } from './request-locale';
import { agencyTimeZone } from './time-zone';

/**
 * next-intl's per-request configuration (wired in next.config.js): the reader's language
 * (see request-locale.ts), every catalog of it, and the agency's time zone for dates. No
 * locale in URLs: a case link pasted to a colleague opens in the colleague's own language.
 */
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: loadMessages(locale), timeZone: agencyTimeZone() };
});
