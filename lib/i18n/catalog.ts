import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from './locales';

/** A language's messages: one namespace per catalog file (`queue.json` is `t('queue.…')`). */
export type Messages = Record<string, Record<string, unknown>>;

const MESSAGES_DIR = path.join(process.cwd(), 'lib', 'i18n', 'messages');
const cache = new Map<Locale, Messages>();

/**
 * Reads every catalog of a language once per process. Catalogs are files, not imports, so
 * a feature adds its namespace by adding a file, with no list to keep in step.
 */
export function loadMessages(locale: Locale, dir: string = MESSAGES_DIR): Messages {
  const cached = dir === MESSAGES_DIR ? cache.get(locale) : undefined;
  if (cached) return cached;
  const messages: Messages = {};
  const folder = path.join(dir, locale);
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    messages[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(path.join(folder, file), 'utf8'));
  }
  if (dir === MESSAGES_DIR) cache.set(locale, messages);
  return messages;
}
