import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from './locales';

/** A language's messages: one namespace per catalog file (`queue.json` is `t('queue.…')`). */
export type Messages = Record<string, Record<string, unknown>>;

const cache = new Map<Locale, Messages>();

/**
 * Reads every catalog of a language once per process. Catalogs are files, not imports, so
 * a feature adds its namespace by adding a file, with no list to keep in step. The paths are
 * written out from the project folder down (not kept in a variable) so the build can see
 * that only lib/i18n/messages is read, and traces that folder rather than the whole project.
 */
export function loadMessages(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached) return cached;
  const messages: Messages = {};
  const files = readdirSync(path.join(process.cwd(), 'lib', 'i18n', 'messages', locale))
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const file of files) {
    const text = readFileSync(path.join(process.cwd(), 'lib', 'i18n', 'messages', locale, file), 'utf8');
    messages[file.slice(0, -'.json'.length)] = JSON.parse(text);
  }
  cache.set(locale, messages);
  return messages;
}
