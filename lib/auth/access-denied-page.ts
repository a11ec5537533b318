import escapeHtml from 'escape-html';
import { readerLanguage } from '@/lib/i18n/reader-language';

/**
 * The 403 document the proxy answers a refused page with (see page-access.ts): complete in
 * itself, in the reader's language, readable without JavaScript and carrying no data. Its
 * look follows the app's 403 notice (components/ui/error-notice.tsx).
 */
export function accessDeniedPage(request: Request, user: { id: string; locale?: string | null }): string {
  const { locale, t } = readerLanguage(request, user);
  const text = (key: string) => escapeHtml(t(`errors.forbidden.${key}`));
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${text('metaTitle')} · Casedesk</title>
<style>
body{margin:0;font-family:ui-sans-serif,system-ui,sans-serif;background:#f8fafc;color:#0f172a}
main{max-width:32rem;min-height:60vh;margin:0 auto;padding:1.5rem;display:flex;flex-direction:column;
align-items:center;justify-content:center;gap:1rem;text-align:center}
.code{font-size:.875rem;font-weight:600;letter-spacing:.025em;text-transform:uppercase;color:#475569;margin:0}
h1{font-size:1.5rem;font-weight:600;margin:0}
p{color:#334155;margin:0}
a{display:inline-block;border-radius:.375rem;background:#0f172a;color:#fff;padding:.5rem 1rem;font-size:.875rem;
font-weight:500;text-decoration:none}
a:hover{background:#334155}
a:focus-visible{outline:2px solid #0f172a;outline-offset:2px}
</style>
</head>
<body>
<main>
<p class="code">${text('code')}</p>
<h1>${text('title')}</h1>
<p>${text('body')}</p>
<a href="/cases">${text('back')}</a>
</main>
</body>
</html>
`;
}
