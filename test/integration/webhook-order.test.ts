/**
 * Order never matters: one generated multi-case stream (lib/simulator/generate.ts), applied
 * in order, is the reference; 100 random permutations with random duplicates must end in
 * exactly the same cases, timeline, payments and chat.
 *
 * 96 permutations go through the real inbox statement and the real applier in this process
 * (random batch sizes, so events meet in one transaction or arrive one by one); 4 go through
 * HTTP to `next start` with concurrent deliveries. HTTP for all 100 would take minutes on two
 * cores and test nothing the route tests do not.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSimulation } from '@/lib/simulator/generate';
import { startApp, type AppServer } from '../helpers/app-server';
import { createTestDatabase } from '../helpers/database';
import { expectSimulatedOutcome } from '../helpers/simulated-outcome';
import {
  dumpDomain,
  ingestDirect,
  permuteWithDuplicates,
  resetDomain,
  seededRandom,
  sendWebhook,
  TEST_WEBHOOK_SECRET,
  waitForInboxDrained,
} from '../helpers/webhooks';

const simulation = generateSimulation({ cases: 12, seed: 20261126, test: 0.25 });
const events = simulation.events;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
/** Commits without waiting for the disk: these runs test order, not durability (the crash test does). */
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2, options: '-c synchronous_commit=off' });
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

const reset = () => resetDomain(pool);

let reference: Awaited<ReturnType<typeof dumpDomain>>;

describe('order independence', () => {
  it('applies the ordered stream to what the simulator says each case ends as', async () => {
    expect(events.length).toBeGreaterThan(60);
    expect(new Set(events.map((event) => event.event)).size).toBe(6);
    await reset();
    await ingestDirect(pool, events, () => 1);
    reference = await dumpDomain(pool);

    const { rows } = await pool.query("SELECT count(*)::int AS n FROM webhook_events WHERE status <> 'applied'");
    expect(rows[0].n).toBe(0);
    expect(reference.cases).toHaveLength(12);
    expectSimulatedOutcome(reference, simulation, 'the ordered stream');
  });

  it('ends in the same place for 96 permutations with duplicates, applied directly', { timeout: 300_000 }, async () => {
    for (let seed = 1; seed <= 96; seed++) {
      const random = seededRandom(seed);
      const stream = permuteWithDuplicates(events, random, 0.25);
      // A third of the runs one event per transaction; the rest in batches of up to 12.
      const batch = seed % 3 === 0 ? () => 1 : () => 1 + Math.floor(random() * 12);
      await reset();
      await ingestDirect(pool, stream, batch);
      expect(await dumpDomain(pool), `permutation seed ${seed}`).toEqual(reference);
    }
  });
});

describe('order independence over HTTP', () => {
  let app: AppServer;
  beforeAll(async () => {
    await reset();
    app = await startApp({ databaseUrl: database.url, env: { DEBITURA_WEBHOOK_SECRETS: TEST_WEBHOOK_SECRET } });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it(
    'ends in the same place for 4 permutations with duplicates, 8 deliveries at a time',
    { timeout: 180_000 },
    async () => {
      for (let seed = 1001; seed <= 1004; seed++) {
        await reset();
        const stream = permuteWithDuplicates(events, seededRandom(seed), 0.25);
        const statuses: string[] = [];
        for (let index = 0; index < stream.length; index += 8) {
          const responses = await Promise.all(
            stream.slice(index, index + 8).map((event) => sendWebhook(app.url, event)),
          );
          for (const response of responses) {
            expect(response.status, response.text).toBe(200);
            statuses.push((response.body as { status: string }).status);
          }
        }
        expect(statuses.filter((status) => status === 'accepted')).toHaveLength(events.length);
        await waitForInboxDrained(database.pool);
        expect(await dumpDomain(database.pool), `HTTP permutation seed ${seed}`).toEqual(reference);
      }
    },
  );
});
