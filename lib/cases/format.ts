import 'server-only';
import { headers } from 'next/headers';
import { formatMinor } from '@/lib/money/currency';

const FALLBACK_LOCALE = 'en-GB';

/** The reader's preferred locale from Accept-Language, for formatting money on the server. */
export async function getRequestLocale(): Promise<string> {
  const header = (await headers()).get('accept-language') ?? '';
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim();
    if (!tag || tag === '*') continue;
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // not a valid language tag: try the next one
    }
  }
  return FALLBACK_LOCALE;
}

/** Minor units as text in the case currency; a dash when the amount is not known yet. */
export function formatMoney(
  minor: bigint | null | undefined,
  currency: string | null | undefined,
  locale: string,
): string {
  if (minor === null || minor === undefined || !currency) return '—';
  return formatMinor(minor, currency, locale);
}
