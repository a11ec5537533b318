import { afterEach, describe, expect, it } from 'vitest';
import { startFakeApi, type FakeApi } from '@/lib/simulator/fake-api';
import { generateSimulation } from '@/lib/simulator/generate';

/** The fake Collection Partner API over real HTTP: auth, case detail, idempotent chat posts, failures. */

const KEY = 'fake-api-test-key';
const options = { cases: 12, seed: 21 };
const simulation = generateSimulation(options);

let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function call(path: string, init: RequestInit & { key?: string | null } = {}) {
  const headers = new Headers(init.headers);
  if (init.key !== null) headers.set('XApiKey', init.key ?? KEY);
  if (init.body) headers.set('Content-Type', 'application/json');
  const response = await fetch(`${api!.url}${path}`, { ...init, headers });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

const chat = (caseId: string, body: object, idempotencyKey?: string) =>
  call(`/cases/${caseId}/chats`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {},
  });

describe('fake Collection Partner API', () => {
  it('requires the XApiKey header', async () => {
    api = await startFakeApi({ ...options, apiKey: KEY });
    const reference = simulation.cases[0].reference;
    expect((await call(`/cases/case-reference/${reference}`, { key: null })).status).toBe(401);
    expect((await call(`/cases/case-reference/${reference}`, { key: 'wrong' })).status).toBe(401);
    expect(
      (await call(`/cases/${simulation.cases[0].caseId}/chats`, { method: 'POST', key: null, body: '{}' })).status,
    ).toBe(401);
    expect(api.chatPostAttempts()).toBe(0);
  });

  it('answers the generated case detail by reference and by id, and 404 for unknown cases', async () => {
    api = await startFakeApi({ ...options, apiKey: KEY });
    const simCase = simulation.cases[3];
    const byReference = await call(`/cases/case-reference/${simCase.reference}`);
    expect(byReference.status).toBe(200);
    expect(byReference.body).toMatchObject({
      id: simCase.caseId,
      reference: simCase.reference,
      currency: simCase.currency,
    });
    expect(byReference.body!.debtor).toMatchObject({ name: simCase.debtor.name });
    expect((await call(`/cases/${simCase.caseId}`)).body).toEqual(byReference.body);
    expect((await call('/cases/case-reference/NOPE0000')).status).toBe(404);
    expect(api.detailRequests).toHaveLength(3);

    const registered = {
      ...(byReference.body as object),
      id: '00000000-0000-4000-8000-000000000001',
      reference: 'REGISTER',
    };
    const control = await fetch(`${api.url}/__simulator/cases`, { method: 'POST', body: JSON.stringify(registered) });
    expect(control.status).toBe(204);
    expect((await call('/cases/case-reference/REGISTER')).body).toMatchObject({ reference: 'REGISTER' });
  });

  it('records a chat post once per Idempotency-Key and answers the same ChatDto again', async () => {
    api = await startFakeApi({ ...options, apiKey: KEY });
    const caseId = simulation.cases[0].caseId;
    const message = { message: '<img src=x onerror=alert(1)> Hello', userEmail: 'anna.berg@agency.example' };
    const first = await chat(caseId, message, 'key-1');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      message: message.message,
      roleLabel: 'Collection partner',
      user: { email: message.userEmail, firstName: 'Anna' },
    });
    const again = await chat(caseId, message, 'key-1');
    expect(again).toEqual(first);
    expect(api.chatPosts).toHaveLength(1);
    expect(api.chatPosts[0]).toMatchObject({ caseId, idempotencyKey: 'key-1', message: message.message });

    expect((await chat(caseId, { ...message, message: 'Something else' }, 'key-1')).status).toBe(422);
    expect((await chat(caseId, message, 'key-2')).status).toBe(200);
    expect((await chat(caseId, { message: '', userEmail: 'x@y.example' }, 'key-3')).status).toBe(400);
    expect(api.chatPosts).toHaveLength(2);
    const thread = await call(`/cases/${caseId}/chats`);
    expect(Array.isArray(thread.body)).toBe(true);
    expect(
      (thread.body as unknown as { message: string }[]).filter((dto) => dto.message === message.message),
    ).toHaveLength(2);
  });

  it('fails the first N chat posts with 503 without recording them', async () => {
    api = await startFakeApi({ ...options, failFirstChatPosts: 2 });
    const caseId = simulation.cases[1].caseId;
    const message = { message: 'Payment plan agreed', userEmail: 'collector@agency.example' };
    expect((await chat(caseId, message, 'retry-key')).status).toBe(503);
    expect((await chat(caseId, message, 'retry-key')).status).toBe(503);
    expect(api.chatPosts).toHaveLength(0);
    expect((await chat(caseId, message, 'retry-key')).status).toBe(200);
    expect((await chat(caseId, message, 'retry-key')).status).toBe(200);
    expect(api.chatPosts).toHaveLength(1);
    expect(api.chatPostAttempts()).toBe(4);
  });

  it('can fail case-detail reads first, then answers them', async () => {
    api = await startFakeApi({ ...options, failFirstDetailGets: 1 });
    const reference = simulation.cases[2].reference;
    expect((await call(`/cases/case-reference/${reference}`)).status).toBe(503);
    expect((await call(`/cases/case-reference/${reference}`)).status).toBe(200);
  });
});
