import { describe, expect, it } from 'vitest';
import { readTokenOptions } from './token-choices';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe('readTokenOptions', () => {
  it('reads a scope and one of the offered lifetimes', () => {
    expect(readTokenOptions(form({ scope: 'read', expiresInDays: '30' }))).toEqual({
      scope: 'read',
      expiresInDays: 30,
    });
    expect(readTokenOptions(form({ scope: 'read-write', expiresInDays: '365' }))).toEqual({
      scope: 'read-write',
      expiresInDays: 365,
    });
  });

  it('takes the defaults for fields the form did not send', () => {
    expect(readTokenOptions(form({}))).toEqual({ scope: 'read-write', expiresInDays: 90 });
  });

  it('names the field that is not one of the choices', () => {
    expect(readTokenOptions(form({ scope: 'admin' }))).toEqual({ invalid: 'scope' });
    expect(readTokenOptions(form({ scope: 'read', expiresInDays: '3650' }))).toEqual({ invalid: 'expiresInDays' });
    expect(readTokenOptions(form({ scope: 'read', expiresInDays: 'soon' }))).toEqual({ invalid: 'expiresInDays' });
  });
});
