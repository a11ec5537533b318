/**
 * Nothing lost, nothing doubled, under pressure: parallel deliveries of one event and of
 * one case; a server SIGKILLed mid-burst and restarted, with every unacknowledged event sent
 * again (as Debitura would); two app instances on one database sharing a stream with
 * duplicates. Each outcome is compared with what the simulator says each case ends as (an
 * expectation the applier has no part in), and in every column with the stream applied in
 * order, uninterrupted, in this process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePool } from '@/lib/database/pool';
import { generateSimulation } from '@/lib/simulator/generate';
import { startApp, type AppServer } from '../helpers/app-server';
import { createTestDatabase } from '../helpers/database';
import { expectSimulatedOutcome } from '../helpers/simulated-outcome';
import {
  dumpDomain,
  envelope,
  ingestDirect,
  resetDomain,
  seededRandom,
  sendWebhook,
  sendWebhookRetrying,
  shuffle,
  TEST_WEBHOOK_SECRET,
  waitForInboxDrained,
  type Envelope,
} from '../helpers/webhooks';

const env = { DEBITURA_WEBHOOK_SECRETS: TEST_WEBHOOK_SECRET };
const simulation = generateSimulation({ cases: 40, seed: 7, test: 0.1 });
const stream = simulation.events as Envelope[];

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let uninterrupted: Awaited<ReturnType<typeof dumpDomain>>;

beforeAll(async () => {
  database = await createTestDatabase();
  await ingestDirect(database.pool, stream);
  uninterrupted = await dumpDomain(database.pool);
  await resetDomain(database.pool);
});

/**
 * The simulator's outcome in what it decides (states, balances, payments, chat, timeline), and
 * the uninterrupted run's in every other column.
 */
async function expectAsUninterrupted(label: string) {
  const dump = await dumpDomain(database.pool);
  expectSimulatedOutcome(dump, simulation, label);
  expect(dump).toEqual(uninterrupted);
}

afterAll(async () => {
  await closePool();
  await database?.drop();
});

type Outcome = { event: Envelope; status: number | 'error' };

/**
 * Sends every event, `concurrency` at a time; a connection failure is an outcome, not a throw.
 * `send` is sendWebhook where the server is killed on purpose, else sendWebhookRetrying: on a
 * loaded machine a reused keep-alive socket can drop, and Debitura would simply send again.
 */
async function sendConcurrently(
  url: (event: Envelope, index: number) => string,
  events: Envelope[],
  concurrency: number,
  onEach?: (outcome: Outcome) => void,
  send: typeof sendWebhook = sendWebhookRetrying,
) {
  const outcomes: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < events.length) {
        const index = next++;
        const event = events[index];
        const outcome: Outcome = await send(url(event, index), event).then(
          (response) => ({ event, status: response.status }),
          () => ({ event, status: 'error' as const }),
        );
        outcomes.push(outcome);
        onEach?.(outcome);
      }
    }),
  );
  return outcomes;
}

describe('parallel deliveries', () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startApp({ databaseUrl: database.url, env });
  });
  afterAll(async () => {
    await app?.stop();
    await resetDomain(database.pool);
  });

  it('accepts one of 20 simultaneous deliveries of an event and answers the rest as duplicates', async () => {
    const event = envelope('payment.created', { reference: 'PAR-1', paymentId: 'par-p', amount: 10, currency: 'EUR' });
    const responses = await Promise.all(Array.from({ length: 20 }, () => sendWebhook(app.url, event)));
    const statuses = responses.map((response) => (response.body as { status: string }).status).sort();
    expect(statuses).toEqual(['accepted', ...Array(19).fill('duplicate')]);
    await waitForInboxDrained(database.pool);
    const { rows } = await database.pool.query(
      "SELECT (SELECT count(*)::int FROM case_events) AS timeline, (SELECT paid_minor FROM cases WHERE reference = 'PAR-1') AS paid",
    );
    expect(rows[0]).toEqual({ timeline: 1, paid: '1000' });
  });

  it('keeps the balance exact when 60 payments for one case arrive at once', async () => {
    const payments = Array.from({ length: 60 }, (_, index) =>
      envelope('payment.created', {
        reference: 'PAR-2',
        paymentId: `par2-${index}`,
        amount: index + 0.01,
        currency: 'EUR',
      }),
    );
    const deletions = payments
      .slice(0, 10)
      .map((payment) => envelope('payment.deleted', { reference: 'PAR-2', paymentId: payment.data.paymentId }));
    const outcomes = await sendConcurrently(() => app.url, shuffle([...payments, ...deletions], seededRandom(3)), 32);
    expect(outcomes.every((outcome) => outcome.status === 200)).toBe(true);
    await waitForInboxDrained(database.pool);
    const standing = payments.slice(10).reduce((sum, _, index) => sum + (index + 10) * 100 + 1, 0);
    const { rows } = await database.pool.query("SELECT paid_minor FROM cases WHERE reference = 'PAR-2'");
    expect(rows[0].paid_minor).toBe(String(standing));
  });
});

describe('a crash mid-burst', () => {
  it(
    'loses no acknowledged event and ends like an uninterrupted run once the rest is resent',
    { timeout: 180_000 },
    async () => {
      const first = await startApp({ databaseUrl: database.url, env });
      const acknowledged = new Set<string>();
      let killing: Promise<void> | undefined;
      const outcomes = await sendConcurrently(
        () => first.url,
        stream,
        16,
        (outcome) => {
          if (outcome.status === 200) acknowledged.add(outcome.event.id);
          if (!killing && acknowledged.size >= stream.length / 3) killing = first.kill();
        },
        sendWebhook,
      );
      await killing;
      const unacknowledged = outcomes.filter((outcome) => outcome.status !== 200).map((outcome) => outcome.event);
      expect(acknowledged.size).toBeGreaterThan(0);
      expect(unacknowledged.length).toBeGreaterThan(0);

      // Every acknowledged event is stored, whatever the server was doing when it died.
      const { rows } = await database.pool.query('SELECT id FROM webhook_events');
      const stored = new Set(rows.map((row) => row.id as string));
      expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);

      const second = await startApp({ databaseUrl: database.url, env });
      try {
        // Debitura retries what it got no 2xx for; some of those were stored before the kill.
        const retried = await sendConcurrently(() => second.url, unacknowledged, 16);
        expect(retried.every((outcome) => outcome.status === 200)).toBe(true);
        await waitForInboxDrained(database.pool);
        await expectAsUninterrupted('after the crash');
        const { rows: counts } = await database.pool.query(
          "SELECT count(*)::int AS n FROM webhook_events WHERE status = 'applied'",
        );
        expect(counts[0].n).toBe(stream.length);
      } finally {
        await second.stop();
        await resetDomain(database.pool);
      }
    },
  );
});

describe('two instances on one database', () => {
  it('share a stream with duplicates sent to either and end like one ordered run', { timeout: 180_000 }, async () => {
    const [a, b] = await Promise.all([
      startApp({ databaseUrl: database.url, env }),
      startApp({ databaseUrl: database.url, env }),
    ]);
    try {
      const random = seededRandom(11);
      const deliveries = shuffle([...stream, ...stream.filter(() => random() < 0.3)], random);
      const outcomes = await sendConcurrently((_, index) => (index % 2 === 0 ? a.url : b.url), deliveries, 24);
      // Under overload an instance may shed load with 503 (Retry-After), never anything else;
      // Debitura retries those, and so does this test.
      const failed = outcomes.filter((outcome) => outcome.status !== 200);
      expect(
        failed.filter((outcome) => outcome.status !== 503),
        JSON.stringify(failed.map((outcome) => outcome.status)),
      ).toEqual([]);
      const retried = await sendConcurrently(
        (_, index) => (index % 2 === 0 ? b.url : a.url),
        failed.map((outcome) => outcome.event),
        8,
      );
      expect(retried.map((outcome) => outcome.status)).toEqual(retried.map(() => 200));
      await waitForInboxDrained(database.pool);
      await expectAsUninterrupted('two instances');
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
