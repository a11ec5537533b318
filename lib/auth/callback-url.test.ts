import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './callback-url';

describe('safeCallbackUrl', () => {
  it('keeps paths on this site', () => {
    expect(safeCallbackUrl('/cases?status=open')).toBe('/cases?status=open');
    expect(safeCallbackUrl('/account')).toBe('/account');
  });

  it('refuses other sites, protocol-relative and backslash tricks', () => {
    for (const value of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '',
      null,
      undefined,
    ]) {
      expect(safeCallbackUrl(value)).toBe('/cases');
    }
  });

  it('refuses what a browser would read as another site (tabs, newlines, backslashes)', () => {
    for (const value of [
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r\n/evil.example/path',
      '/\t\\evil.example',
      '\\\\evil.example',
      '/\\/evil.example',
      decodeURIComponent('%2F%09%2Fevil.example'),
    ]) {
      expect(safeCallbackUrl(value)).toBe('/cases');
    }
  });

  it('returns the path as the browser will read it', () => {
    expect(safeCallbackUrl('/cases/../account')).toBe('/account');
    expect(safeCallbackUrl('/cases?q=a b#top')).toBe('/cases?q=a%20b#top');
  });

  it('never sends back to the login page or the API', () => {
    expect(safeCallbackUrl('/login')).toBe('/cases');
    expect(safeCallbackUrl('/login?callbackUrl=%2Flogin')).toBe('/cases');
    expect(safeCallbackUrl('/api/v1/me')).toBe('/cases');
    expect(safeCallbackUrl('/login#x')).toBe('/cases');
    expect(safeCallbackUrl('/./login')).toBe('/cases');
  });
});
