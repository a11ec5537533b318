import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { generateEvents, isTestEnvelope, type WebhookEnvelope } from '@/lib/simulator/generate';
import { sendEvents } from '@/lib/simulator/send';
import { decodeSecret, verifySignature } from '@/lib/webhooks/signature';

/**
 * The sender against a small receiver that verifies every signature the way the app
 * must, fails chosen deliveries first, and counts what it answered, so the summary can be
 * checked against the receiver's own tally.
 */

const SECRET = Buffer.from('simulator-test-secret-0123456789').toString('base64');

type Receiver = {
  url: string;
  seen: Map<string, number>;
  tally: { ok: number; duplicate: number; injected: number; badSignature: number; rejected: number };
  close: () => Promise<void>;
};

async function startReceiver(decide: (envelope: WebhookEnvelope, attempt: number) => number | null): Promise<Receiver> {
  const seen = new Map<string, number>();
  const attempts = new Map<string, number>();
  const tally = { ok: 0, duplicate: 0, injected: 0, badSignature: 0, rejected: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const header = req.headers['x-debitura-signature'] as string | undefined;
      const verdict = verifySignature(header ?? null, body, [decodeSecret(SECRET)]);
      const envelope = JSON.parse(body.toString('utf8')) as WebhookEnvelope;
      const isConsistent =
        req.headers['x-debitura-event'] === envelope.event &&
        header?.startsWith(`t=${req.headers['x-debitura-timestamp']},`) &&
        (req.headers['x-debitura-test'] === 'true') === isTestEnvelope(envelope);
      if (!verdict.ok || !isConsistent) {
        tally.badSignature++;
        res.writeHead(401).end();
        return;
      }
      const attempt = (attempts.get(envelope.id) ?? 0) + 1;
      attempts.set(envelope.id, attempt);
      const forced = decide(envelope, attempt);
      if (forced) {
        if (forced >= 500 || forced === 408 || forced === 429) tally.injected++;
        else tally.rejected++;
        res.writeHead(forced, { 'Content-Type': 'application/json' }).end('{"error":{"code":"forced"}}');
        return;
      }
      const count = (seen.get(envelope.id) ?? 0) + 1;
      seen.set(envelope.id, count);
      if (count > 1) tally.duplicate++;
      else tally.ok++;
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ status: count > 1 ? 'duplicate' : 'applied' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/debitura`,
    seen,
    tally,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('sendEvents', () => {
  it('retries 5xx, 408 and 429, does not retry other 4xx, and counts everything right', async () => {
    const events = generateEvents({ cases: 25, seed: 11, test: 0.3 });
    const rejectedId = events[7].id;
    receiver = await startReceiver((envelope, attempt) => {
      const index = events.findIndex((event) => event.id === envelope.id);
      if (envelope.id === rejectedId) return 422;
      if (index % 5 === 0 && attempt === 1) return 500;
      if (index % 11 === 0 && attempt <= 2) return 503;
      if (index === 3 && attempt === 1) return 429;
      if (index === 4 && attempt === 1) return 408;
      return null;
    });
    const summary = await sendEvents(events, {
      url: receiver.url,
      secret: SECRET,
      concurrency: 6,
      shuffle: true,
      duplicates: 0.2,
      seed: 5,
      retryBaseMs: 5,
      progress: false,
    });

    expect(receiver.tally.badSignature).toBe(0);
    expect(summary.events).toBe(events.length);
    expect(summary.resent).toBe(Math.round(events.length * 0.2));
    expect(summary.sent).toBe(events.length + summary.resent);
    expect(summary.retries).toBe(receiver.tally.injected);
    expect(summary.retries).toBeGreaterThan(events.length / 5);
    const rejectedDeliveries = summary.results.filter((result) => result.eventId === rejectedId).length;
    expect(summary.rejected).toBe(rejectedDeliveries);
    expect(receiver.tally.rejected).toBe(rejectedDeliveries); // sent once per delivery: not retried
    expect(summary.duplicates).toBe(receiver.tally.duplicate);
    expect(summary.acknowledged).toBe(receiver.tally.ok + receiver.tally.duplicate);
    expect(summary.acknowledged + summary.rejected).toBe(summary.sent);
    expect(summary.failed).toBe(0);
    expect(summary.requests).toBe(summary.sent + summary.retries);
    expect(receiver.seen.size).toBe(events.length - 1);
  });

  it('gives up after 8 attempts and reports the delivery as failed', async () => {
    const events = generateEvents({ cases: 2, seed: 12 });
    const doomed = events[1].id;
    receiver = await startReceiver((envelope) => (envelope.id === doomed ? 503 : null));
    const summary = await sendEvents(events, { url: receiver.url, secret: SECRET, retryBaseMs: 1, progress: false });
    expect(summary.failed).toBe(1);
    expect(summary.results.find((result) => result.eventId === doomed)).toMatchObject({
      outcome: 'failed',
      attempts: 8,
      status: 503,
    });
    expect(summary.retries).toBe(7);
    expect(summary.acknowledged).toBe(events.length - 1);
  });

  it('delivers in event order with concurrency 1 and retries network errors', async () => {
    const events = generateEvents({ cases: 3, seed: 13 });
    const order: string[] = [];
    receiver = await startReceiver((envelope) => {
      order.push(envelope.id);
      return null;
    });
    const summary = await sendEvents(events, { url: receiver.url, secret: SECRET, concurrency: 1, progress: false });
    expect(order).toEqual(events.map((event) => event.id));
    expect(summary.acknowledged).toBe(events.length);

    const closedUrl = receiver.url;
    await receiver.close();
    receiver = undefined;
    const refused = await sendEvents(events.slice(0, 1), {
      url: closedUrl,
      secret: SECRET,
      retryBaseMs: 1,
      maxAttempts: 3,
      progress: false,
    });
    expect(refused.results[0]).toMatchObject({ outcome: 'failed', attempts: 3, status: null });
    expect(refused.results[0].error).toMatch(/ECONNREFUSED/);
  });
});
