import { describe, expect, it } from 'vitest';
import { defaultLocale, resolveLocale } from './locales';

describe('resolveLocale', () => {
  it("prefers the user's own choice over the browser", () => {
    expect(resolveLocale({ userLocale: 'da', acceptLanguage: 'de-DE,de;q=0.9', fallback: 'en' })).toBe('da');
  });

  it('ignores a stored choice that is not a supported language', () => {
    expect(resolveLocale({ userLocale: 'fr', acceptLanguage: 'de', fallback: 'en' })).toBe('de');
  });

  it("takes the browser's best supported language by quality, regional variants included", () => {
    expect(resolveLocale({ acceptLanguage: 'fr-FR,fr;q=0.9,da;q=0.8,de;q=0.7', fallback: 'en' })).toBe('da');
    expect(resolveLocale({ acceptLanguage: 'de-AT', fallback: 'en' })).toBe('de');
  });

  it('falls back when nothing matches or the header is missing or malformed', () => {
    expect(resolveLocale({ acceptLanguage: 'ja-JP,ko;q=0.5', fallback: 'de' })).toBe('de');
    expect(resolveLocale({ acceptLanguage: null, fallback: 'da' })).toBe('da');
    expect(resolveLocale({ acceptLanguage: '@@@;q=zz', fallback: 'en' })).toBe('en');
  });
});

describe('defaultLocale', () => {
  it('reads CASEDESK_DEFAULT_LOCALE, case-insensitively, and ignores unsupported values', () => {
    expect(defaultLocale({ CASEDESK_DEFAULT_LOCALE: 'DA' })).toBe('da');
    expect(defaultLocale({ CASEDESK_DEFAULT_LOCALE: 'xx' })).toBe('en');
    expect(defaultLocale({})).toBe('en');
  });
});
