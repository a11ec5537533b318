import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { loadMessages } from './catalog';
import { LOCALES } from './locales';

const DIR = path.join(import.meta.dirname, 'messages');

/** Every message of a catalog tree, flattened to `namespace.key.path` → text. */
function flatten(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else if (value && typeof value === 'object') {
      for (const [k, v] of flatten(value as Record<string, unknown>, name)) out.set(k, v);
    } else throw new Error(`${name}: a message must be a string or an object of messages`);
  }
  return out;
}

/** The ICU arguments a message uses (`{count}`, `{name}`, plural/select arguments, <tags>). */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      names.add(element.type === TYPE.tag ? `<${element.value}>` : element.value);
      if (element.type === TYPE.tag) walk(element.children);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        for (const option of Object.values(element.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const english = flatten(loadMessages('en'));

describe('message catalogs', () => {
  it('has a folder for each supported language and nothing else', () => {
    expect(readdirSync(DIR).sort()).toEqual([...LOCALES].sort());
  });

  it('parses every message as ICU', () => {
    for (const locale of LOCALES) {
      for (const [key, message] of flatten(loadMessages(locale))) {
        expect(() => placeholders(message), `${locale}: ${key}`).not.toThrow();
      }
    }
  });

  for (const locale of LOCALES.filter((code) => code !== 'en')) {
    describe(locale, () => {
      const messages = flatten(loadMessages(locale));

      it('has every key English has, and no other', () => {
        expect(
          [...messages.keys()].filter((key) => !english.has(key)),
          'keys English lacks',
        ).toEqual([]);
        expect(
          [...english.keys()].filter((key) => !messages.has(key)),
          'missing keys',
        ).toEqual([]);
      });

      it('uses the same placeholders as English in every message', () => {
        const differing = [...english]
          .filter(([key]) => messages.has(key))
          .filter(([key, text]) => placeholders(text).join() !== placeholders(messages.get(key)!).join())
          .map(([key]) => key);
        expect(differing).toEqual([]);
      });
    });
  }
});
