import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Casedesk', template: '%s · Casedesk' },
  description: 'The case desk for collection agencies working Debitura cases.',
};

/**
 * The provider hands the reader's language, catalogs and the agency's time zone (from
 * lib/i18n/request.ts) to client components, so they format exactly as the server does.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
