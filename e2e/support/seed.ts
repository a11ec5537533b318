/**
 * The case workspace's part of the e2e setup (called from global-setup.ts):
 * - the simulator's fake Collection Partner API, which `next start` is pointed at
 *   (DEBITURA_API_URL/KEY), so replies and actions have somewhere to go and case detail can be
 *   read; once the app is up, it sends the webhooks acting on a case causes (payment.created,
 *   case.closed, case.updated) back to the app, signed, as Debitura does. The app runs its
 *   background jobs itself (no CASEDESK_ROLE), so its outbox sender is the worker;
 * - a small control server, so specs (in other processes) can make the fake API fail the
 *   next chat posts, ask for a confirmation of fee changes on a case (its 409), and see what
 *   it received: E2E_FAKE_API_CONTROL_URL;
 * - once the app is up, a simulator stream of case lives sent through the real webhook route.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AnsweredCall } from '@/lib/simulator/fake-api-actions';
import { generateSimulation } from '@/lib/simulator/generate';
import { startFakeApi, type FakeApi } from '@/lib/simulator/fake-api';
import { sendEvents } from '@/lib/simulator/send';

export const E2E_SIMULATED_CASES = 24;
const SEED = 4_2026;

export type CaseFixtures = {
  /** For `next start`. */
  env: Record<string, string>;
  /** Sends the simulator stream to the running app and waits until every event is acknowledged. */
  seed: (appUrl: string, webhookSecret: string) => Promise<void>;
  stop: () => Promise<void>;
};

/** What GET {control}/state answers. */
export type FakeApiState = {
  attempts: number;
  posts: { caseId: string; message: string; idempotencyKey: string | null }[];
};

/** What GET {control}/actions?caseId= answers: the action calls Debitura answered for the case, in order. */
export type FakeApiActions = AnsweredCall[];

export async function startCaseFixtures(): Promise<CaseFixtures> {
  const simulation = generateSimulation({ cases: E2E_SIMULATED_CASES, seed: SEED, until: new Date() });
  const fakeApi = await startFakeApi({ simulation });
  const control = await startControlServer(fakeApi);
  process.env.E2E_FAKE_API_CONTROL_URL = control.url;
  // The connection spec registers a test case on the fake API itself (its /__simulator routes need no key).
  process.env.E2E_FAKE_API_URL = fakeApi.url;
  return {
    env: { DEBITURA_API_URL: fakeApi.url, DEBITURA_API_KEY: 'e2e-fake-api-key' },
    seed: async (appUrl, webhookSecret) => {
      // What acting on a case makes Debitura send back (payment.created...) reaches the app.
      fakeApi.actions.setWebhook({ url: `${appUrl}/api/webhooks/debitura`, secret: webhookSecret });
      const summary = await sendEvents(simulation.events, {
        url: `${appUrl}/api/webhooks/debitura`,
        secret: webhookSecret,
        concurrency: 4,
        progress: false,
      });
      if (summary.failed || summary.rejected)
        throw new Error(`The simulator stream was not accepted: ${JSON.stringify(summary)}`);
    },
    stop: async () => {
      await control.close();
      await fakeApi.close();
    },
  };
}

async function startControlServer(fakeApi: FakeApi): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.method === 'POST' && request.url === '/failures') {
        const { chatPosts } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { chatPosts?: number };
        fakeApi.setFailures({ chatPosts: Number(chatPosts ?? 0) });
        return answer(200, { chatPosts: Number(chatPosts ?? 0) });
      }
      const url = new URL(request.url ?? '/', 'http://control');
      if (request.method === 'GET' && url.pathname === '/actions') {
        const caseId = (url.searchParams.get('caseId') ?? '').toLowerCase();
        const actions: FakeApiActions = fakeApi.actions.answered.filter((call) => call.caseId.toLowerCase() === caseId);
        return answer(200, actions);
      }
      if (request.method === 'POST' && url.pathname === '/price-change') {
        // Debitura's 409 on fee changes that move the success fee, for this case from now on.
        const { caseId } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { caseId?: string };
        if (!caseId) return answer(400, { error: 'caseId is required' });
        fakeApi.actions.requirePriceChangeConfirmation(caseId);
        return answer(200, { caseId });
      }
      if (request.method === 'GET' && request.url === '/state') {
        const state: FakeApiState = {
          attempts: fakeApi.chatPostAttempts(),
          posts: fakeApi.chatPosts.map(({ caseId, message, idempotencyKey }) => ({ caseId, message, idempotencyKey })),
        };
        return answer(200, state);
      }
      answer(404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
