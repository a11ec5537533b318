/** What a browser shows with JavaScript off: the markup without the scripts (and their data). */
export function withoutScripts(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
}

/** The 403 notice's heading, as the server renders it in English. */
export const FORBIDDEN_HEADING = /<h1[^>]*>You don’t have access to this page<\/h1>/;
