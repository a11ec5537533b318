import { createTranslator } from 'next-intl';
import { loadMessages } from '@/lib/i18n/catalog';

/** Values a payments message is filled with (ICU arguments). */
export type MessageValues = Record<string, string | number>;

/**
 * A message of the `payments` catalog in English, for errors thrown deep in the domain:
 * their `message` is for logs and tests, while pages translate the error's code with the
 * reader's language. One text per message, in the catalog, either way.
 */
export function englishPaymentsMessage(key: string, values: MessageValues = {}): string {
  const t = createTranslator({ locale: 'en', messages: loadMessages('en') });
  return t(`payments.${key}` as never, values as never);
}
