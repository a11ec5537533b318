import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyPendingEvents } from '@/lib/webhooks/applier';
import { receiveDelivery } from '@/lib/webhooks/receive';

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
