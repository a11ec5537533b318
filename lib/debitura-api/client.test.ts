import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCase, deletePayment } from './cases';
import {
  getCaseByReference,
  MAX_RESPONSE_BYTES,
  parseRetryAfter,
  PermanentApiError,
  postChatMessage,
  RetryableApiError,
  type DebituraApiConfig,
} from './client';
import { getDebituraApiConfig, parseTimeout } from './config';
import { UnsafePathSegmentError } from './path';

type Seen = { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string };
const seen: Seen[] = [];
let answer: (request: http.IncomingMessage, response: http.ServerResponse) => void = (_, response) =>
  response.end('{}');
let server: http.Server;
let config: DebituraApiConfig;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body });
      answer(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  config = {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    apiKey: 'key-1',
    timeoutMs: 5_000,
    limiter: null,
  };
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (_: http.IncomingMessage, response: http.ServerResponse) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };

describe('Debitura API client', () => {
  it('reads case detail by reference with the XApiKey header, keys camelCased', async () => {
    answer = json(200, { Id: 'c1', Reference: 'R/1', Debtor: { Name: 'D' } });
    expect(await getCaseByReference('R/1', config)).toEqual({ id: 'c1', reference: 'R/1', debtor: { name: 'D' } });
    expect(seen.at(-1)).toMatchObject({
      method: 'GET',
      url: '/cases/case-reference/R%2F1',
      headers: { xapikey: 'key-1' },
    });
  });

  it('posts chat messages with the idempotency key', async () => {
    answer = json(201, { id: 'chat-1', message: 'hi' });
    expect(
      await postChatMessage('case-1', { message: 'hi', userEmail: 'a@b.example' }, 'idem-1', config),
    ).toMatchObject({ id: 'chat-1' });
    const last = seen.at(-1)!;
    expect(last).toMatchObject({
      method: 'POST',
      url: '/cases/case-1/chats',
      headers: { 'idempotency-key': 'idem-1' },
    });
    expect(JSON.parse(last.body)).toEqual({ message: 'hi', userEmail: 'a@b.example' });
  });

  it.each([500, 502, 503, 408, 429])('treats HTTP %i as retryable', async (status) => {
    answer = json(status, { message: 'busy' }, status === 429 ? { 'retry-after': '7' } : {});
    const error = await getCaseByReference('R1', config).catch((caught) => caught);
    expect(error).toBeInstanceOf(RetryableApiError);
    expect(error).toMatchObject({ status, isRetryable: true });
    if (status === 429) expect(error.retryAfterMs).toBe(7_000);
  });

  it.each([400, 401, 403, 404, 422])('treats HTTP %i as permanent', async (status) => {
    answer = json(status, { message: 'no' });
    const error = await getCaseByReference('R1', config).catch((caught) => caught);
    expect(error).toBeInstanceOf(PermanentApiError);
    expect(error).toMatchObject({ status, isRetryable: false });
  });

  it('treats a timeout and a refused connection as retryable', async () => {
    answer = () => {}; // never answers
    const slow = await getCaseByReference('R1', { ...config, timeoutMs: 300 }).catch((caught) => caught);
    expect(slow).toBeInstanceOf(RetryableApiError);
    expect(slow.message).toMatch(/timed out/);
    const refused = await getCaseByReference('R1', { ...config, baseUrl: 'http://127.0.0.1:9' }).catch(
      (caught) => caught,
    );
    expect(refused).toBeInstanceOf(RetryableApiError);
  });

  it('refuses an answer that is not a JSON object', async () => {
    answer = (_, response) => response.end('<html>');
    await expect(getCaseByReference('R1', config)).rejects.toBeInstanceOf(PermanentApiError);
  });

  it('takes a 429 delay from retryAfter in the body before the Retry-After header', async () => {
    answer = json(
      429,
      { error: 'rate_limit_exceeded', message: 'slow down', retryAfter: 42.0 },
      { 'retry-after': '7' },
    );
    const error = await getCaseByReference('R1', config).catch((caught) => caught);
    expect(error).toBeInstanceOf(RetryableApiError);
    expect(error.retryAfterMs).toBe(42_000);
  });

  it("keeps Debitura's businessErrors for the person who has to fix the request", async () => {
    answer = json(400, {
      error: 'validation',
      message: 'Invalid request',
      businessErrors: [{ type: 'PaymentsTooLow', message: 'Payments do not cover the outstanding amount.' }],
    });
    const error = await closeCase('c1', { closeCode: 'Paid' }, config).catch((caught) => caught);
    expect(error).toBeInstanceOf(PermanentApiError);
    expect(error.businessErrors).toEqual([
      { type: 'PaymentsTooLow', message: 'Payments do not cover the outstanding amount.' },
    ]);
    expect(error.userMessage).toBe('Payments do not cover the outstanding amount.');
  });

  it('never follows a redirect (the API key would go with it)', async () => {
    const before = seen.length;
    answer = (_, response) => {
      response.writeHead(302, { location: '/cases/case-reference/ELSEWHERE' });
      response.end();
    };
    const error = await getCaseByReference('R1', config).catch((caught) => caught);
    expect(error).toBeInstanceOf(PermanentApiError);
    expect(error.message).toMatch(/redirect/);
    expect(seen.length - before).toBe(1);
  });

  it('refuses an answer larger than the cap, declared or streamed', async () => {
    answer = json(200, { blob: 'x'.repeat(MAX_RESPONSE_BYTES) });
    await expect(getCaseByReference('R1', config)).rejects.toThrow(/larger than/);
    answer = (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = 'x'.repeat(1024 * 1024);
      response.write('{"blob":"');
      for (let i = 0; i <= MAX_RESPONSE_BYTES / chunk.length; i++) response.write(chunk);
      response.end('"}');
    };
    await expect(getCaseByReference('R1', config)).rejects.toThrow(/larger than/);
  });

  it('refuses ids and references that would walk the path, before any call', async () => {
    const before = seen.length;
    for (const bad of ['..', '.', '', 'a\nb', 'x'.repeat(300)]) {
      await expect(getCaseByReference(bad, config)).rejects.toBeInstanceOf(UnsafePathSegmentError);
    }
    await expect(deletePayment('case-1', '..', false, config)).rejects.toBeInstanceOf(UnsafePathSegmentError);
    expect(seen.length).toBe(before);
    answer = json(200, {});
    await getCaseByReference('../admin', config);
    expect(seen.at(-1)!.url).toBe('/cases/case-reference/..%2Fadmin');
  });

  it('validates the timeout setting instead of passing NaN on', () => {
    expect(parseTimeout(undefined)).toBe(10_000);
    expect(parseTimeout('2500')).toBe(2_500);
    for (const bad of ['soon', '0', '-5', '1.5', '99', '999999999'])
      expect(() => parseTimeout(bad)).toThrow(/DEBITURA_API_TIMEOUT_MS/);
    expect(() =>
      getDebituraApiConfig({
        DEBITURA_API_URL: 'http://x.example',
        DEBITURA_API_TIMEOUT_MS: 'NaN',
      } as unknown as NodeJS.ProcessEnv),
    ).toThrow();
    expect(() =>
      getDebituraApiConfig({ DEBITURA_API_URL: 'file:///etc/passwd' } as unknown as NodeJS.ProcessEnv),
    ).toThrow(/http/);
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('3')).toBe(3_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});
