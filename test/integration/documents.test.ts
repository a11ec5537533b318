import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { DOCUMENT_EXTENSIONS } from '@/lib/documents/rules';
import { startFakeApi, type FakeApi } from '@/lib/simulator/fake-api';
import { createUser } from '@/lib/users/users';
import { startApp, type AppServer } from '@/test/helpers/app-server';
import { createTestDatabase } from '@/test/helpers/database';
import { envelope, sendWebhookRetrying, TEST_WEBHOOK_SECRET, waitFor } from '@/test/helpers/webhooks';
import { fakeCaseDetail } from '@/test/helpers/fake-case';

/**
 * Case documents through the JSON API on a real `next start`, sent by its outbox to the fake
 * Debitura: a file reaches Debitura exactly once across a 503 and an answer lost after the
 * upload took effect (Debitura takes no idempotency key for files, so the sender looks in the
 * file list first); what Casedesk itself refuses (too large, a type Debitura refuses, bad
 * fields, another collector's case) stores nothing and sends nothing; Debitura's own 413 and
 * 415 end the action failed, not retried, in clear words; the list shows Debitura's files
 * with temporary links that stop working when they expire.
 */

const API_KEY = 'fake-api-key-for-documents';
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fake: FakeApi;
let app: AppServer;
let tokens: { carl: string; dora: string };

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  fake = await startFakeApi({ apiKey: API_KEY });
  app = await startApp({
    databaseUrl: database.url,
    env: {
      DEBITURA_WEBHOOK_SECRETS: TEST_WEBHOOK_SECRET,
      DEBITURA_API_URL: fake.url,
      DEBITURA_API_KEY: API_KEY,
      DEBITURA_API_TIMEOUT_MS: '3000',
    },
  });
  const carl = await createUser({ email: 'carl.docs@agency.test', name: 'Carl Docs', role: 'collector' });
  const dora = await createUser({ email: 'dora.docs@agency.test', name: 'Dora Docs', role: 'collector' });
  tokens = {
    carl: (await createApiToken({ userId: carl.id, name: 'test' })).token,
    dora: (await createApiToken({ userId: dora.id, name: 'test' })).token,
  };
}, 180_000);

afterAll(async () => {
  if (process.env.DEBUG_APP_OUTPUT) console.log(app?.output());
  await app?.stop();
  await fake?.close();
  await db.$disconnect();
  await database?.drop();
});

async function seedCase(lifecycle = 'Active', assigneeEmail?: string) {
  const reference = `DOC-${randomUUID().slice(0, 8).toUpperCase()}`;
  const caseId = randomUUID();
  const detail = fakeCaseDetail({ caseId, reference, lifecycle });
  fake.register(detail);
  expect((await sendWebhookRetrying(app.url, envelope('case.assigned', { ...detail, caseId }))).status).toBe(200);
  const row = await waitFor(() => db.case.findFirst({ where: { reference, state: lifecycle } }), 15_000, reference);
  if (assigneeEmail) {
    const user = await db.user.findFirstOrThrow({ where: { email: assigneeEmail } });
    await db.case.update({ where: { id: row.id }, data: { assigneeId: user.id } });
  }
  return { reference, caseId: caseId.toLowerCase() };
}

type Answer = {
  action?: { id: string; kind: string; status: string; error?: string; errorCode?: string };
  error?: { code: string; message: string };
};

async function upload(
  reference: string,
  file: { name: string; content: Buffer | string } | null,
  fields: Record<string, string> = {},
  token = tokens.carl,
) {
  const form = new FormData();
  if (file) form.append('file', new Blob([new Uint8Array(Buffer.from(file.content))]), file.name);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const response = await fetch(`${app.url}/api/v1/cases/${reference}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

type Listing = {
  files: { fileName: string; url: string | null; linkExpiresAt: string | null; documentType: string | null }[];
  filesError: string | null;
  uploads: { id: string; status: string; fileName: string }[];
};

async function list(reference: string, token = tokens.carl) {
  const response = await fetch(`${app.url}/api/v1/cases/${reference}/documents`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    status: response.status,
    cacheControl: response.headers.get('cache-control'),
    body: (await response.json()) as Listing,
  };
}

const actionRow = (id: string) => db.outboundAction.findUniqueOrThrow({ where: { id } });
const untilLeaves = (id: string, status: string) =>
  waitFor(
    async () => {
      const row = await actionRow(id);
      return row.status !== status && row;
    },
    45_000,
    `action ${id} to leave ${status}`,
  );
const uploadsAt = (caseId: string) =>
  fake.actions.calls.filter((c) => c.kind === 'document_upload' && c.caseId === caseId);
const storedActions = async () =>
  (await database.pool.query('SELECT count(*)::int AS n FROM outbound_actions')).rows[0].n;
const storedFiles = async () =>
  (await database.pool.query('SELECT count(*)::int AS n FROM outbound_documents')).rows[0].n;

describe('uploading a document', () => {
  it('stores it, answers 202, sends it as multipart once, and lists it with a working temporary link', async () => {
    const { reference, caseId } = await seedCase();
    const content = `%PDF-1.4 settlement offer ${randomUUID()}`;
    const answer = await upload(
      reference,
      { name: 'Settlement offer.pdf', content },
      { documentType: 'DemandLetter', description: 'Offer sent 2 Nov' },
    );
    expect(answer.status).toBe(202);
    expect(answer.body.action).toMatchObject({ kind: 'document_upload', status: 'pending' });

    const done = await untilLeaves(answer.body.action!.id, 'pending');
    expect(done).toMatchObject({ status: 'sent', attempts: 1 });
    const files = fake.documents.files.filter((file) => file.caseId === caseId);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      fileName: 'Settlement offer.pdf',
      documentType: 'DemandLetter',
      description: 'Offer sent 2 Nov',
    });
    expect(files[0].content.toString('utf8')).toBe(content);
    // Debitura has it: the stored bytes are gone from Casedesk.
    expect(await db.outboundDocument.count({ where: { actionId: done.id } })).toBe(0);

    const listed = await list(reference);
    expect(listed.status).toBe(200);
    expect(listed.cacheControl).toBe('no-store');
    expect(listed.body.uploads).toEqual([
      expect.objectContaining({ fileName: 'Settlement offer.pdf', status: 'sent' }),
    ]);
    expect(listed.body.files).toEqual([
      expect.objectContaining({ fileName: 'Settlement offer.pdf', documentType: 'DemandLetter' }),
    ]);
    const [file] = listed.body.files;
    expect(Date.parse(file.linkExpiresAt!)).toBeGreaterThan(Date.now());
    const download = await fetch(file.url!);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe(content);
  });

  it('reaches Debitura exactly once across a 503 and an answer lost after the upload took effect', async () => {
    const { reference, caseId } = await seedCase();
    fake.actions.setFaults({ unavailable: 1, lostAnswers: 1 });
    const answer = await upload(reference, { name: 'scan.png', content: Buffer.alloc(2048, 7) });
    expect(answer.status).toBe(202);
    const done = await untilLeaves(answer.body.action!.id, 'pending');
    expect(done.status).toBe('sent');
    expect(done.attempts).toBe(3);
    expect(done.response).toMatchObject({ fileName: 'scan.png', recoveredAfterAmbiguousAttempt: true });
    expect(uploadsAt(caseId)).toHaveLength(1);
    expect(fake.documents.files.filter((file) => file.caseId === caseId)).toHaveLength(1);
  });

  it('takes a file just under the 25 MB limit through the route, the database and the multipart send', async () => {
    const { reference, caseId } = await seedCase();
    const content = Buffer.alloc(25 * 1024 * 1024 - 1024, 0x41);
    const answer = await upload(reference, { name: 'large-scan.pdf', content });
    expect(answer.status).toBe(202);
    const done = await untilLeaves(answer.body.action!.id, 'pending');
    expect(done.status).toBe('sent');
    const [file] = fake.documents.files.filter((entry) => entry.caseId === caseId);
    expect(file.size).toBe(content.byteLength);
    expect(file.content.equals(content)).toBe(true);
  }, 120_000);

  it('refuses what Debitura would refuse, and bad fields, storing and sending nothing', async () => {
    const { reference } = await seedCase();
    const other = await seedCase('Active', 'dora.docs@agency.test');
    const before = {
      actions: await storedActions(),
      files: await storedFiles(),
      calls: fake.documents.uploadAttempts(),
    };
    const refusals: [Awaited<ReturnType<typeof upload>>, number, string, RegExp?][] = [
      [await upload(reference, { name: 'big.pdf', content: Buffer.alloc(25 * 1024 * 1024 + 1) }), 413, 'too_large'],
      [await upload(reference, { name: 'tool.exe', content: 'MZ' }), 415, 'unsupported_type', /pdf, doc/],
      [await upload(reference, { name: 'noextension', content: 'x' }), 415, 'unsupported_type'],
      [await upload(reference, { name: 'empty.txt', content: '' }), 422, 'invalid', /empty/],
      [await upload(reference, null, { description: 'no file' }), 422, 'invalid', /file is required/],
      [
        await upload(reference, { name: 'a.pdf', content: 'x' }, { documentType: 'Selfie' }),
        422,
        'invalid',
        /documentType/,
      ],
      [
        await upload(reference, { name: 'a.pdf', content: 'x' }, { description: 'x'.repeat(501) }),
        422,
        'invalid',
        /500/,
      ],
      [await upload(other.reference, { name: 'a.pdf', content: 'x' }), 403, 'forbidden'],
      [await upload('DOC-NOSUCHCASE', { name: 'a.pdf', content: 'x' }), 404, 'not_found'],
    ];
    for (const [answer, status, code, message] of refusals) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      expect(answer.body.error?.code).toBe(code);
      if (message) expect(answer.body.error?.message).toMatch(message);
    }
    const readOnly = await createApiToken({
      userId: (await db.user.findFirstOrThrow({ where: { email: 'carl.docs@agency.test' } })).id,
      name: 'read-only',
      scope: 'read',
    });
    expect((await upload(reference, { name: 'a.pdf', content: 'x' }, {}, readOnly.token)).status).toBe(403);
    expect(await storedActions()).toBe(before.actions);
    expect(await storedFiles()).toBe(before.files);
    expect(fake.documents.uploadAttempts()).toBe(before.calls);
  }, 60_000);

  it('ends failed, not retried, with clear words when Debitura answers 413 or 415', async () => {
    const { reference, caseId } = await seedCase();
    fake.documents.setRules({ maxBytes: 100 });
    try {
      const large = await upload(reference, { name: 'photo.jpg', content: Buffer.alloc(500, 1) });
      expect(large.status).toBe(202);
      const failed = await untilLeaves(large.body.action!.id, 'pending');
      expect(failed).toMatchObject({ status: 'failed', errorCode: 'refused', attempts: 1 });
      expect(failed.lastError).toMatch(/too large \(the limit is 25 MB\)/);
      // The file stays stored: a Retry can send it once Debitura takes it.
      expect(await db.outboundDocument.count({ where: { actionId: failed.id } })).toBe(1);
    } finally {
      fake.documents.setRules({ maxBytes: 25 * 1024 * 1024 });
    }
    fake.documents.setRules({ extensions: ['pdf'] });
    try {
      const text = await upload(reference, { name: 'notes.txt', content: 'call notes' });
      const failed = await untilLeaves(text.body.action!.id, 'pending');
      expect(failed).toMatchObject({ status: 'failed', errorCode: 'refused', attempts: 1 });
      expect(failed.lastError).toMatch(/does not accept this type of file/);
      const listed = await list(reference);
      expect(listed.body.uploads.map((entry) => entry.status)).toEqual(['failed', 'failed']);
    } finally {
      fake.documents.setRules({ extensions: DOCUMENT_EXTENSIONS });
    }
    expect(uploadsAt(caseId)).toHaveLength(0);
  });

  it('never offers a link past its expiry: an expired one no longer works and the list gives fresh ones', async () => {
    const { reference } = await seedCase();
    const answer = await upload(reference, { name: 'short.csv', content: 'a,b\n1,2\n' });
    await untilLeaves(answer.body.action!.id, 'pending');
    fake.documents.setRules({ linkLifetimeMs: 300 });
    try {
      const first = (await list(reference)).body.files[0];
      await waitFor(async () => (await fetch(first.url!)).status === 403, 5_000, 'the link to expire');
      const fresh = (await list(reference)).body.files[0];
      expect(fresh.url).not.toBe(first.url);
      expect(Date.parse(fresh.linkExpiresAt!)).toBeGreaterThan(Date.parse(first.linkExpiresAt!));
    } finally {
      fake.documents.setRules({ linkLifetimeMs: 10 * 60_000 });
    }
  });
});
