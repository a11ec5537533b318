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

  it('never sends back to the login page or the API', () => {
    expect(safeCallbackUrl('/login')).toBe('/cases');
    expect(safeCallbackUrl('/login?callbackUrl=%2Flogin')).toBe('/cases');
    expect(safeCallbackUrl('/api/v1/me')).toBe('/cases');
  });
});
