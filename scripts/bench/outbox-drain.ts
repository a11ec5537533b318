/**
 * `npx tsx scripts/bench/outbox-drain.ts [actions] [senders] [limit-per-minute]`: queues that
 * many payment actions (one case each) and lets `senders` sender loops (as separate instances
 * would run them, sharing the limit through PostgreSQL) drain them against the fake Debitura,
 * which enforces the same limit and answers 429 above it. Reports the drain time, the highest
 * number of calls any one-minute window of six 10-second segments saw, the 429s, and how many
 * payments reached Debitura more than once (must be 0). Own embedded PostgreSQL, removed after.
 */
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { closePool } from '@/lib/database/pool';
import { sendDueActions } from '@/lib/outbox/sender';
import { startFakeApi } from '@/lib/simulator/fake-api';
import { createDatabase, startDatabase } from './env';

const actions = Number(process.argv[2] ?? 2_000);
const senders = Number(process.argv[3] ?? 2);
const limit = Number(process.argv[4] ?? 2_000);
const KEY = 'bench-outbox-key';

const database = await startDatabase(() => {});
try {
  const url = await createDatabase(database, 'outbox_bench');
  const fake = await startFakeApi({ apiKey: KEY, rateLimitPerMinute: limit });
  Object.assign(process.env, {
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: '20',
    DEBITURA_API_URL: fake.url,
    DEBITURA_API_KEY: KEY,
    DEBITURA_API_RATE_LIMIT: String(limit),
  });

  // Fixture: cases inserted directly (the bench measures sending, not ingest), registered with the fake.
  const caseIds: { id: string; debitura: string }[] = [];
  for (let i = 0; i < actions; i++) {
    const debitura = randomUUID();
    caseIds.push({ id: randomUUID(), debitura });
    fake.register({
      id: debitura,
      reference: `BENCH-${i}`,
      lifecycle: 'Active',
      closeCode: null,
      currency: 'EUR',
      grossAmount: 1_000,
      remainder: 1_000,
      totalAddedFees: 0,
    } as never);
  }
  const values = caseIds.map((c, i) => `('${c.id}', 'BENCH-${i}', '${c.debitura}', 'Active', 'EUR', 100000)`);
  await db.$executeRawUnsafe(
    `INSERT INTO cases (id, reference, debitura_case_id, state, currency, original_amount_minor) VALUES ${values.join(',')}`,
  );
  const payload = JSON.stringify({
    date: '2026-11-20',
    amountMinor: '1000',
    currency: 'EUR',
    recipient: 'CollectionPartner',
  });
  await db.$executeRawUnsafe(
    `INSERT INTO outbound_actions (id, case_id, kind, payload, idempotency_key, next_attempt_at)
     SELECT gen_random_uuid(), id, 'payment_create', '${payload}'::jsonb, gen_random_uuid()::text, now() FROM cases`,
  );

  const started = Date.now();
  const remaining = async () =>
    (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM outbound_actions WHERE status = 'pending'`)[0]
      .n;
  const loop = async () => {
    while ((await remaining()) > 0) {
      const hasMore = await sendDueActions();
      if (!hasMore) await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  await Promise.all(Array.from({ length: senders }, loop));
  const drainMs = Date.now() - started;

  const perCase = new Map<string, number>();
  for (const call of fake.actions.calls) perCase.set(call.caseId, (perCase.get(call.caseId) ?? 0) + 1);
  const duplicates = [...perCase.values()].filter((n) => n > 1).length;
  const bySegment = new Map<number, number>();
  for (const call of fake.actions.calls) {
    const segment = Math.floor(call.at.getTime() / 10_000);
    bySegment.set(segment, (bySegment.get(segment) ?? 0) + 1);
  }
  const segments = [...bySegment.keys()].sort((a, b) => a - b);
  let maxWindow = 0;
  for (const segment of segments) {
    let sum = 0;
    for (let s = segment - 5; s <= segment; s++) sum += bySegment.get(s) ?? 0;
    maxWindow = Math.max(maxWindow, sum);
  }
  const [statuses] = await db.$queryRaw<{ sent: number; failed: number; attempts: number }[]>`
    SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status = 'failed')::int AS failed,
           sum(attempts)::int AS attempts FROM outbound_actions`;
  console.log(
    JSON.stringify(
      {
        actions,
        senders,
        limitPerMinute: limit,
        drainSeconds: Number((drainMs / 1000).toFixed(1)),
        actionsPerSecond: Number((actions / (drainMs / 1000)).toFixed(1)),
        reachedDebitura: perCase.size,
        sentTwiceOrMore: duplicates,
        maxCallsInAnyMinuteWindow: maxWindow,
        answered429: fake.actions.rateLimitedCalls(),
        ...statuses,
      },
      null,
      2,
    ),
  );
  await fake.close();
} finally {
  await db.$disconnect().catch(() => {});
  await closePool();
  await database.stop();
}
