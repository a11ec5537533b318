import { describe, expect, it } from 'vitest';
import { checkWebhookUrl } from './webhook-url';

const production = 'https://collectionpartner-api.debitura.com';

describe('checkWebhookUrl', () => {
  it('accepts public https URLs on 443 or 8443', () => {
    expect(checkWebhookUrl('https://casedesk.example.com/api/webhooks/debitura', production)).toEqual({
      ok: true,
      url: 'https://casedesk.example.com/api/webhooks/debitura',
    });
    expect(checkWebhookUrl('https://casedesk.example.com:8443/hook', production).ok).toBe(true);
  });

  it.each([
    ['http://casedesk.example.com/hook', 'not_https'],
    ['https://casedesk.example.com:3000/hook', 'bad_port'],
    ['https://127.0.0.1/hook', 'private_address'],
    ['https://localhost/hook', 'private_address'],
    ['https://10.1.2.3/hook', 'private_address'],
    ['https://172.20.0.5/hook', 'private_address'],
    ['https://192.168.1.1/hook', 'private_address'],
    ['https://169.254.169.254/hook', 'private_address'],
    ['https://[::1]/hook', 'private_address'],
    ['https://[fd00::1]/hook', 'private_address'],
    ['https://[::ffff:10.0.0.1]/hook', 'private_address'],
    ['not a url', 'invalid'],
    ['ftp://casedesk.example.com/hook', 'invalid'],
    ['https://user:pw@casedesk.example.com/hook', 'invalid'],
  ])('refuses %s (%s)', (url, problem) => {
    expect(checkWebhookUrl(url, production)).toEqual({ ok: false, problem });
  });

  it('lets anything through to a loopback API (the simulator)', () => {
    expect(checkWebhookUrl('http://127.0.0.1:3000/api/webhooks/debitura', 'http://127.0.0.1:4010').ok).toBe(true);
    expect(checkWebhookUrl('http://127.0.0.1:3000/api/webhooks/debitura', 'http://10.0.0.8:4010').ok).toBe(false);
  });
});
