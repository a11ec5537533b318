import { afterEach, describe, expect, it } from 'vitest';
import { describeSendError, mailSettings } from './mailer';

const URL_WITH_PASSWORD = 'smtp://digest:p%40ss%2Fword-42@mail.example.test:587';

describe('SMTP settings and errors', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('is off without SMTP_URL and refuses a URL it cannot use, without echoing it', () => {
    delete process.env.SMTP_URL;
    expect(mailSettings()).toBeNull();
    process.env.NEXTAUTH_URL = 'https://casedesk.example.test/';
    for (const bad of ['not a url with p@ss', 'https://user:p@ss@mail.example.test']) {
      process.env.SMTP_URL = bad;
      expect(() => mailSettings()).toThrow(/SMTP_URL/);
      expect(() => mailSettings()).not.toThrow(/p@ss/);
    }
  });

  it('adds timeouts the URL does not set, and a sender on the public host', () => {
    process.env.NEXTAUTH_URL = 'https://casedesk.example.test/';
    process.env.SMTP_URL = `${URL_WITH_PASSWORD}?socketTimeout=5000`;
    delete process.env.SMTP_FROM;
    const settings = mailSettings()!;
    const url = new URL(settings.url);
    expect(url.password).toBe('p%40ss%2Fword-42');
    expect(url.searchParams.get('socketTimeout')).toBe('5000');
    expect(url.searchParams.get('connectionTimeout')).toBe('20000');
    expect(settings.from).toBe('Casedesk <casedesk@casedesk.example.test>');
    expect(settings.publicUrl).toBe('https://casedesk.example.test');
  });

  it('blanks the password and the URL out of an error, in every spelling', () => {
    const error = Object.assign(new Error(`Failed for ${URL_WITH_PASSWORD} with p@ss/word-42 and p%40ss%2Fword-42`), {
      code: 'EAUTH',
      responseCode: 535,
    });
    const text = describeSendError(error, URL_WITH_PASSWORD);
    expect(text).toBe('EAUTH 535: Failed for *** with *** and ***');
    expect(describeSendError('plain failure', undefined)).toBe('plain failure');
  });
});
