import { createTranslator } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { loadMessages } from '@/lib/i18n/catalog';

/** Fills a message by its full key (`admin.messages.…` are the answers of the admin pages' forms and buttons). */
export type AdminT = (key: string, values?: Record<string, string | number>) => string;

/**
 * The admin forms' answers in English: the default of each operation, so scripts and tests
 * that call an operation directly read the catalog's English text.
 */
export function englishAdminT(): AdminT {
  const translator = createTranslator({ locale: 'en', messages: loadMessages('en') });
  return (key, values) => translator(key as never, values as never);
}

/** The same answers in the signed-in reader's language, for the server actions. */
export async function readerAdminT(): Promise<AdminT> {
  const translator = await getTranslations();
  return (key, values) => translator(key as never, values as never);
}
