import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createUser } from '@/lib/users/users';
import { getQueue } from '@/lib/work/queue';
import { READ_REFRESH_CASES, refreshWorkItems, workItemsJob } from '@/lib/work/work-items';
import { createTestDatabase } from '@/test/helpers/database';

/**
 * The stored work items (lib/work/work-items.ts) on a real PostgreSQL: what marks a case
 * stale, that a refresh never consumes the mark of a change it cannot see yet, that several
 * refreshers share the work, and that another calendar derives every case again. The queue's
 * rules per kind are tested over HTTP in work-queue.test.ts.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let carl: { id: string; role: string };

const DAY = 86_400_000;

async function addActiveCase(reference: string, assigneeId: string | null = carl.id): Promise<string> {
  const id = randomUUID();
  await database.pool.query(
    `INSERT INTO cases (id, reference, state, state_at, assigned_at, assignee_id, currency, updated_at)
     VALUES ($1, $2, 'Active', $3, $3, $4, 'EUR', now())`,
    [id, reference, new Date(Date.now() - 40 * DAY), assigneeId],
  );
  return id;
}

const addInboundMessage = (client: { query: typeof database.pool.query }, caseId: string) =>
  client.query(
    `INSERT INTO chat_messages (id, case_id, direction, message, at, author_role)
     VALUES (gen_random_uuid(), $1, 'inbound', 'When will you call?', now(), 'Creditor')`,
    [caseId],
  );

const isStale = async (caseId: string) =>
  (await database.pool.query('SELECT 1 FROM work_items_stale WHERE case_id = $1', [caseId])).rowCount === 1;

const kindsOf = async (reference: string) =>
  (await getQueue(carl, { limit: 5_000 })).items
    .filter((item) => item.reference === reference)
    .map((item) => item.kind)
    .sort();

/** Fails instead of hanging when a refresh waits on a lock it should have skipped. */
function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)),
  ]);
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.CASEDESK_COUNTRY = 'DK';
  process.env.CASEDESK_TIMEZONE = 'Europe/Copenhagen';
  const user = await createUser({ email: 'carl@items.test', name: 'Carl Collector', role: 'collector' });
  carl = { id: user.id, role: 'collector' };
});

afterAll(async () => {
  await db.$disconnect();
  await database?.drop();
});

describe('stored work items', () => {
  it('marks a case stale only when something its items read changes', async () => {
    const caseId = await addActiveCase('WI-MARK');
    await refreshWorkItems();
    expect(await isStale(caseId)).toBe(false);

    await database.pool.query('UPDATE cases SET outstanding_minor = 5000, last_activity_at = now() WHERE id = $1', [
      caseId,
    ]);
    expect(await isStale(caseId)).toBe(false);

    await database.pool.query("UPDATE cases SET state = 'Paused' WHERE id = $1", [caseId]);
    expect(await isStale(caseId)).toBe(true);
    expect(await kindsOf('WI-MARK')).toEqual([]);
  });

  it('never consumes the mark of a change not yet committed: the change shows once it is', async () => {
    const caseId = await addActiveCase('WI-RACE');
    expect(await kindsOf('WI-RACE')).toEqual(['monthly_update']);
    // A committed mark already waits (a follow-up added), then a writer adds a chat message and
    // has not committed when the refresh runs.
    await database.pool.query(
      `INSERT INTO follow_ups (id, case_id, due_date, note) VALUES (gen_random_uuid(), $1, current_date + 3, 'Call')`,
      [caseId],
    );
    const writer = await database.pool.connect();
    try {
      await writer.query('BEGIN');
      await addInboundMessage(writer, caseId);
      await within(10_000, refreshWorkItems(), 'a refresh beside an open writer');
      expect(await isStale(caseId)).toBe(true);
      await writer.query('COMMIT');
    } finally {
      writer.release();
    }
    expect(await kindsOf('WI-RACE')).toEqual(['chat_reply', 'follow_up', 'monthly_update']);
    expect(await isStale(caseId)).toBe(false);
  });

  it('a read waits for a refresh running elsewhere (the job) before it reads', async () => {
    const caseId = await addActiveCase('WI-JOB');
    await refreshWorkItems();
    await database.pool.query(
      `INSERT INTO follow_ups (id, case_id, due_date, note) VALUES (gen_random_uuid(), $1, current_date + 2, 'Call')`,
      [caseId],
    );
    // The job, as refreshBatch does it: the shared lock, the mark taken, the items being written.
    const job = await database.pool.connect();
    try {
      await job.query('BEGIN');
      await job.query("SELECT pg_advisory_xact_lock_shared(hashtext('work_items_refresh'))");
      await job.query('DELETE FROM work_items_stale WHERE case_id = $1', [caseId]);
      await job.query(
        `INSERT INTO work_items (case_id, assignee_id, kind, reference, due_at)
         VALUES ($1, $2, 'follow_up', 'WI-JOB', now() + interval '2 days')`,
        [caseId, carl.id],
      );
      const read = kindsOf('WI-JOB');
      await within(
        10_000,
        (async () => {
          while (
            !(await database.pool.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).rowCount
          ) {
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        })(),
        'the read to wait for the running refresh',
      );
      await job.query('COMMIT');
      expect(await read).toContain('follow_up');
    } finally {
      job.release();
    }
  });

  it('shares a backlog between concurrent refreshers, deriving each case once', async () => {
    await refreshWorkItems();
    await database.pool.query(
      `INSERT INTO cases (id, reference, state, state_at, assigned_at, assignee_id, currency, updated_at)
       SELECT gen_random_uuid(), 'WI-BULK-' || n, 'Active', now() - interval '40 days', now() - interval '40 days',
              $1, 'EUR', now()
       FROM generate_series(1, 1200) AS n`,
      [carl.id],
    );
    const derived = await Promise.all([refreshWorkItems(), refreshWorkItems(), refreshWorkItems()]);
    expect(derived.reduce((sum, count) => sum + count, 0)).toBe(1200);
    const { rows } = await database.pool.query<{ items: string; stale: string }>(
      `SELECT (SELECT count(*) FROM work_items WHERE reference LIKE 'WI-BULK-%') AS items,
              (SELECT count(*) FROM work_items_stale) AS stale`,
    );
    // Each Active case has its monthly update and its exclusive period's end, once.
    expect(rows[0]).toEqual({ items: '2400', stale: '0' });
  });

  it('a read derives the newest marks first and leaves a large backlog to the job', async () => {
    await refreshWorkItems();
    const backlog = READ_REFRESH_CASES + 500;
    await database.pool.query(
      `INSERT INTO cases (id, reference, state, state_at, assigned_at, assignee_id, currency, updated_at)
       SELECT gen_random_uuid(), 'WI-LATE-' || n, 'Active', now() - interval '40 days', now() - interval '40 days',
              NULL, 'EUR', now()
       FROM generate_series(1, ${backlog}) AS n`,
    );
    // What the collector just did comes after the backlog, and shows in their next read.
    const caseId = await addActiveCase('WI-MINE');
    expect(await kindsOf('WI-MINE')).toEqual(['monthly_update']);
    const stale = async () =>
      Number((await database.pool.query('SELECT count(*) FROM work_items_stale')).rows[0].count);
    expect(await stale()).toBe(backlog + 1 - READ_REFRESH_CASES);
    expect(await isStale(caseId)).toBe(false);

    while (await workItemsJob.run()) {
      // a full batch: the runner would go again at once
    }
    expect(await stale()).toBe(0);
  });

  it('derives every case again when the agency calendar changes', async () => {
    const caseId = await addActiveCase('WI-ZONE');
    await addInboundMessage(database.pool, caseId);
    const dueIn = async () =>
      (await getQueue(carl, { limit: 5_000 })).items.find((i) => i.reference === 'WI-ZONE' && i.kind === 'chat_reply');
    expect((await dueIn())?.dueAt).toMatch(/T23:59:59\.999\+0[12]:00$/);

    process.env.CASEDESK_TIMEZONE = 'America/New_York';
    try {
      // The next read finds the basis changed and marks every case; the job derives them.
      await getQueue(carl, { limit: 0 });
      while (await workItemsJob.run()) {
        // a full batch: the runner would go again at once
      }
      expect((await dueIn())?.dueAt).toMatch(/T23:59:59\.999-0[45]:00$/);
      const { rows } = await database.pool.query<{ basis: string }>('SELECT basis FROM work_items_basis');
      expect(rows[0].basis).toContain('America/New_York');
    } finally {
      process.env.CASEDESK_TIMEZONE = 'Europe/Copenhagen';
    }
  });
});
