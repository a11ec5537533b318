import 'server-only';
import { getLocale } from 'next-intl/server';

export { formatMoney } from '@/lib/money/currency';

/** The reader's language (next-intl's request locale), for formatting money on the server. */
export async function getRequestLocale(): Promise<string> {
  return getLocale();
}
