import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { closePool } from '@/lib/database/pool';
import { db } from '@/lib/db';
import { startFakeApi, type FakeApi } from '@/lib/simulator/fake-api';
import { applyPendingEvents } from '@/lib/webhooks/applier';
import { receiveDelivery } from '@/lib/webhooks/receive';
import { createTestDatabase } from './database';
import { fakeCaseDetail } from './fake-case';
import { envelope, sendWebhookRetrying, TEST_WEBHOOK_SECRET, waitFor } from './webhooks';

/**
 * The webhook route's own code (receiveDelivery, then the applier) behind a plain HTTP server
 * in the test process, so the fake API's signed webhooks reach the database without a
 * `next start`. Used by tests that run the outbox sender in-process.
 */
export async function startWebhookReceiver(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      const response = await receiveDelivery(
        new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }),
      );
      res.writeHead(response.status, { 'content-type': 'application/json' });
      res.end(await response.text());
      // What the background applier would do next.
      await applyPendingEvents().catch((error: unknown) => console.error('[receiver] apply failed', error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/debitura`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type OutboxTestbed = {
  database: Awaited<ReturnType<typeof createTestDatabase>>;
  fake: FakeApi;
  /**
   * A case on both sides: registered with the fake Debitura, assigned to Casedesk by a signed
   * webhook, answered once its row is stored.
   */
  seedCase: (input: {
    prefix: string;
    lifecycle: string;
    grossMajor?: number;
    currency?: string;
  }) => Promise<{ reference: string; caseId: string; id: string; detail: ReturnType<typeof fakeCaseDetail> }>;
  close: () => Promise<void>;
};

/**
 * A database, the fake Debitura and the webhook receiver wired together, with the process's
 * environment pointing the outbox sender at them: for tests that send in-process.
 */
export async function startOutboxTestbed(apiKey: string): Promise<OutboxTestbed> {
  const database = await createTestDatabase();
  const receiver = await startWebhookReceiver();
  const fake = await startFakeApi({ apiKey, webhook: { url: receiver.url, secret: TEST_WEBHOOK_SECRET } });
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    DEBITURA_WEBHOOK_SECRETS: TEST_WEBHOOK_SECRET,
    DEBITURA_API_URL: fake.url,
    DEBITURA_API_KEY: apiKey,
    DEBITURA_API_TIMEOUT_MS: '1500',
  });
  const appUrl = receiver.url.replace('/api/webhooks/debitura', '');
  return {
    database,
    fake,
    seedCase: async ({ prefix, lifecycle, grossMajor, currency }) => {
      const reference = `${prefix}${randomUUID().slice(0, 8).toUpperCase()}`;
      const caseId = randomUUID();
      const detail = fakeCaseDetail({ caseId, reference, lifecycle, grossMajor, currency });
      fake.register(detail);
      const assigned = envelope('case.assigned', { ...detail, caseId, reference });
      expect((await sendWebhookRetrying(appUrl, assigned)).status).toBe(200);
      const row = await waitFor(
        () => db.case.findFirst({ where: { reference, debituraCaseId: caseId, state: lifecycle } }),
        10_000,
        `case ${reference} stored`,
      );
      return { reference, caseId, id: row.id, detail };
    },
    close: async () => {
      await fake.actions.flushWebhooks();
      await fake.close();
      await receiver.close();
      await db.$disconnect();
      await closePool();
      await database.drop();
    },
  };
}
