import pg from 'pg';

/**
 * The work queue's share of the pages fixture: a collector (queue@bench.example) holding
 * 5,000 open cases (taken from other collectors, so the unassigned pool the other benches
 * read stays as it was), with follow-ups on a fifth of them, promises on a tenth and a
 * progress note sent to Debitura ten days ago on every fourth. The pages fixture loads with
 * triggers off, so every case is marked stale here, as the migration marks them: the bench
 * times deriving all their work items (lib/work/work-items.ts) before it times the queue.
 */

export const QUEUE_COLLECTOR_EMAIL = 'queue@bench.example';
const OPEN_CASES = 5_000;

const SQL = `
INSERT INTO users (id, email, name, role, updated_at)
VALUES (gen_random_uuid(), '${QUEUE_COLLECTOR_EMAIL}', 'Queue Collector', 'collector', now());

UPDATE cases SET assignee_id = (SELECT id FROM users WHERE email = '${QUEUE_COLLECTOR_EMAIL}')
WHERE id IN (
  SELECT id FROM cases
  WHERE assignee_id IS NOT NULL AND state NOT IN ('Closed', 'Merged') AND NOT is_test
  ORDER BY md5(id::text) LIMIT ${OPEN_CASES});

INSERT INTO follow_ups (id, case_id, due_date, note, status, created_at, closed_at)
SELECT gen_random_uuid(), c.id, current_date + (n % 20)::int, 'Call back', CASE WHEN n % 3 = 0 THEN 'done' ELSE 'open' END,
  now() - interval '3 days', CASE WHEN n % 3 = 0 THEN now() END
FROM (SELECT c.id, row_number() OVER (ORDER BY c.id) AS n FROM cases c
      JOIN users u ON u.id = c.assignee_id AND u.email = '${QUEUE_COLLECTOR_EMAIL}') c
WHERE n % 5 = 0;

INSERT INTO payment_promises (id, case_id, amount_minor, currency, promised_on, due_date, created_at)
SELECT gen_random_uuid(), c.id, 50000, COALESCE(c.currency, 'EUR'), current_date - 20, current_date - 10 + (n % 20)::int, now()
FROM (SELECT c.id, c.currency, row_number() OVER (ORDER BY c.id) AS n FROM cases c
      JOIN users u ON u.id = c.assignee_id AND u.email = '${QUEUE_COLLECTOR_EMAIL}') c
WHERE n % 10 = 0;

INSERT INTO outbound_actions (id, case_id, kind, status, payload, idempotency_key, created_at, sent_at)
SELECT gen_random_uuid(), c.id, 'progress_note', 'sent', '{"text": "Called the debtor"}', gen_random_uuid()::text,
  now() - interval '10 days', now() - interval '10 days'
FROM (SELECT c.id, row_number() OVER (ORDER BY c.id) AS n FROM cases c
      JOIN users u ON u.id = c.assignee_id AND u.email = '${QUEUE_COLLECTOR_EMAIL}' WHERE c.state = 'Active') c
WHERE n % 4 = 0;

INSERT INTO work_items_stale (case_id) SELECT id FROM cases ON CONFLICT DO NOTHING;
`;

export async function loadQueueFixture(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(SQL);
  } finally {
    await client.end();
  }
}

/** After the items are derived: VACUUM, as autovacuum would, so the visibility map lets reads stay in the indexes. */
export async function vacuumQueueTables(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      'VACUUM ANALYZE cases, follow_ups, payment_promises, outbound_actions, case_work_facts, work_items, work_items_stale',
    );
  } finally {
    await client.end();
  }
}
