import pg from 'pg';

/**
 * The pages bench's data: 100,000 cases with 1,000,000 timeline events (and their raw
 * webhook bodies, payments, chat), made inside PostgreSQL with INSERT ... SELECT over
 * generate_series. A bench fixture, not test data: it skips the webhook route on purpose
 * so loading takes seconds, not hours. Secondary indexes are dropped during the load and
 * rebuilt afterwards from their own definitions (the migrations' indexes, unchanged).
 */

const TABLES = ['cases', 'case_events', 'webhook_events', 'payments', 'chat_messages', 'chat_reads'];

export const COLLECTORS = 20;

const SETUP = `
INSERT INTO users (id, email, name, role, updated_at)
SELECT gen_random_uuid(), 'collector' || i || '@bench.example', 'Collector ' || i, 'collector', now() FROM generate_series(1, ${COLLECTORS}) i;
INSERT INTO users (id, email, name, role, updated_at) VALUES (gen_random_uuid(), 'manager@bench.example', 'Bench Manager', 'manager', now());
`;

const CASES = (count: number) => `
SELECT setseed(0.42);
WITH names AS (
  SELECT ARRAY['Anna','Lars','Mette','Jens','Sofia','Erik','Karin','Oliver','Emma','Noah','Hannah','Lukas','Mia','Felix','Ella','Jonas',
               'Ida','Mathias','Freja','William','Alma','Oscar','Clara','Emil','Julia','Magnus','Laura','Victor','Sara','Anton'] AS first,
         ARRAY['Hansen','Jensen','Nielsen','Pedersen','Andersen','Larsen','Svensson','Johansson','Karlsson','Lindberg','Schmidt','Müller',
               'Schneider','Fischer','Weber','Meyer','Wagner','Becker','Smith','Jones','Taylor','Brown','Williams','Wilson','Evans','Tanaka',
               'Suzuki','Al-Sabah','Virtanen','Korhonen','de Vries','Jansen','Bakker','Visser','Dubois','Martin','Berg','Holm','Dahl','Lund'] AS last,
         ARRAY['ApS','A/S','GmbH','AB','Ltd','BV','Oy','KK','& Co','Holding'] AS suffix,
         ARRAY['Paid','PartiallyPaid','DebtorInsolventBankrupt','DebtorUntraceable','DisputedLegalActionDeclinedByClient','WithdrawnByClient',
               'PreLegalExhaustedNoPayment','StatuteOfLimitationsExpired','SettlementRejectedByClient','UnresponsiveClient','UneconomicalToPursue','Other'] AS codes,
         ARRAY['EUR','EUR','EUR','DKK','DKK','SEK','SEK','GBP','GBP','JPY','KWD'] AS currencies,
         ARRAY(SELECT id FROM users WHERE role = 'collector' ORDER BY email) AS collectors
), raw AS (
  SELECT i, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7
  FROM generate_series(1, ${count}) i
), shaped AS (
  SELECT raw.*, names.*,
    CASE WHEN r1 < 0.55 THEN 'Closed' WHEN r1 < 0.85 THEN 'Active' WHEN r1 < 0.90 THEN 'Paused'
         WHEN r1 < 0.94 THEN 'NeedsAdditionalDetails' WHEN r1 < 0.98 THEN 'PendingVerification' ELSE 'Merged' END AS state,
    now() - r2 * interval '730 days' AS assigned_at,
    (10000 + floor(r3 * 2500000))::bigint AS original
  FROM raw, names
)
INSERT INTO cases (id, reference, debitura_case_id, creditor_reference, state, state_at, close_code, close_comment, closed_at,
  engagement_phase, is_test, currency, original_amount_minor, added_fees_minor, paid_minor, outstanding_minor, debtor_name,
  creditor_name, debtor, creditor, date_created, due_date, assigned_at, detail_at, detail_status, last_activity_at, assignee_id, updated_at)
SELECT gen_random_uuid(), ref, gen_random_uuid()::text, 'INV-' || (100000 + i), state, last_at,
  close_code, CASE WHEN close_code IS NOT NULL THEN 'Closed in the bench fixture' END, CASE WHEN state = 'Closed' THEN last_at END,
  (ARRAY['PreLegal','PreLegal','PreLegal','Legal','Enforcement'])[1 + floor(r4 * 5)::int], r5 < 0.03, currencies[1 + floor(r6 * 11)::int],
  original, original / 10, paid, original + original / 10 - paid, debtor_name, creditor_name,
  jsonb_build_object('name', debtor_name, 'type', CASE WHEN r7 < 0.55 THEN 'Company' ELSE 'Person' END, 'city', 'Aarhus', 'email', 'debtor' || i || '@mail.example'),
  jsonb_build_object('companyName', creditor_name, 'officeEmail', 'accounts@creditor.example'),
  assigned_at - interval '60 days', assigned_at - interval '30 days', assigned_at, assigned_at, 'done', last_at,
  CASE WHEN r4 < 0.3 THEN NULL ELSE collectors[1 + floor(r7 * ${COLLECTORS})::int] END, now()
FROM (
  SELECT shaped.*,
    upper(lpad(to_hex((i::bigint * 2654435761) % 4294967296), 8, '0')) AS ref,
    CASE WHEN r7 < 0.55 THEN last[1 + floor(r4 * 40)::int] || ' ' || suffix[1 + floor(r5 * 10)::int]
         ELSE first[1 + floor(r5 * 30)::int] || ' ' || last[1 + floor(r4 * 40)::int] END AS debtor_name,
    last[1 + (i % 40)] || ' ' || (ARRAY['Energi','Telecom','Leasing','Software','Logistik','Finans','Retail','Medical'])[1 + (i % 8)]
      || ' ' || suffix[1 + (i % 10)] AS creditor_name,
    CASE WHEN state = 'Closed' THEN codes[1 + floor(r6 * 12)::int] END AS close_code,
    CASE WHEN state = 'Closed' AND r6 < 1.0 / 12 THEN original + original / 10
         WHEN r6 < 0.4 THEN floor(original * r3)::bigint ELSE 0 END AS paid,
    assigned_at + r5 * (now() - assigned_at) AS last_at
  FROM shaped
) s;
`;

// Ten timeline events per case: assigned, eight in between, and closed (or one more update).
// The webhook bodies are built from the same formulas, so the three statements run in parallel.
const EVENT_TYPE = `CASE WHEN k = 1 THEN 'case.assigned' WHEN k = 10 AND c.state = 'Closed' THEN 'case.closed'
       ELSE (ARRAY['case.updated','payment.created','chat.created','chat.created'])[1 + (k % 4)] END`;
const EVENT_AT = 'c.assigned_at + (k - 1) * (c.last_activity_at - c.assigned_at) / 9';

const TIMELINE = `
INSERT INTO case_events (id, case_id, event_id, type, at, from_state, to_state)
SELECT gen_random_uuid(), c.id, c.reference || '-' || k, ${EVENT_TYPE}, ${EVENT_AT},
  CASE WHEN k > 1 AND k % 4 = 0 THEN 'Active' END,
  CASE WHEN k = 1 THEN 'Active' WHEN k = 10 AND c.state = 'Closed' THEN 'Closed' WHEN k % 4 = 0 THEN 'Paused' END
FROM cases c CROSS JOIN generate_series(1, 10) k;
`;

const WEBHOOK_BODIES = `
INSERT INTO webhook_events (id, type, occurred_at, case_reference, raw_body, headers, status, applied_at, received_at)
SELECT c.reference || '-' || k, ${EVENT_TYPE}, ${EVENT_AT}, c.reference,
  '{"id":"' || c.reference || '-' || k || '","specVersion":"1.0","event":"' || ${EVENT_TYPE} || '","timestamp":"'
    || to_char((${EVENT_AT}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '","data":{"reference":"' || c.reference
    || '","caseId":"' || c.debitura_case_id || '","lifecycle":"Active"}}',
  '{"x-debitura-event":"bench"}', 'applied', ${EVENT_AT}, ${EVENT_AT}
FROM cases c CROSS JOIN generate_series(1, 10) k;
`;

const PAYMENTS_AND_CHAT = `
INSERT INTO payments (id, case_id, debitura_payment_id, amount_minor, currency, date, recipient, method, is_deleted)
SELECT gen_random_uuid(), c.id, c.reference || '-p' || k, c.paid_minor / 2, c.currency, c.last_activity_at - k * interval '3 days',
  'CollectionPartner', 'BankTransfer', k = 3
FROM cases c CROSS JOIN generate_series(1, 3) k WHERE c.paid_minor > 0 AND (k < 3 OR c.paid_minor % 5 = 0);

INSERT INTO chat_messages (id, case_id, debitura_chat_id, direction, message, author_name, author_email, author_role, at, status, created_at)
SELECT gen_random_uuid(), c.id, c.reference || '-m' || k, CASE WHEN k % 2 = 0 THEN 'outbound' ELSE 'inbound' END,
  'Message ' || k || ' about ' || c.reference, 'Someone', 'someone@creditor.example', 'Creditor',
  c.last_activity_at - k * interval '1 day', CASE WHEN k % 2 = 0 THEN 'sent' END, c.last_activity_at - k * interval '1 day'
FROM cases c CROSS JOIN generate_series(1, 3) k;

INSERT INTO chat_reads (user_id, case_id, last_read_at)
SELECT c.assignee_id, c.id, c.last_activity_at - interval '2 days' FROM cases c WHERE c.assignee_id IS NOT NULL AND c.paid_minor % 2 = 0;
`;

type Client = pg.Client;

async function connect(url: string): Promise<Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // A fixture load: no foreign-key triggers, no waiting for WAL flushes, room for index builds.
  await client.query(
    "SET session_replication_role = replica; SET synchronous_commit = off; SET maintenance_work_mem = '256MB'",
  );
  return client;
}

export async function loadPagesFixture(url: string, cases: number, log: (line: string) => void): Promise<void> {
  const clients = await Promise.all([connect(url), connect(url), connect(url)]);
  const [main] = clients;
  const timed = async (name: string, work: () => Promise<unknown>) => {
    const started = Date.now();
    await work();
    log(`  ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  try {
    const { rows: indexes } = await main.query<{ tablename: string; indexname: string; indexdef: string }>(
      `SELECT i.tablename, i.indexname, i.indexdef FROM pg_indexes i
       WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`,
      [TABLES],
    );
    for (const index of indexes) await main.query(`DROP INDEX "${index.indexname}"`);
    await timed(`${cases.toLocaleString('en')} cases`, () => main.query(SETUP + CASES(cases)));
    await timed(
      `${(cases * 10).toLocaleString('en')} timeline events, their webhook bodies, payments and chat (3 connections)`,
      () =>
        Promise.all([
          clients[0].query(TIMELINE),
          clients[1].query(WEBHOOK_BODIES),
          clients[2].query(PAYMENTS_AND_CHAT),
        ]),
    );
    // Rebuild each table's indexes on its own connection, biggest tables apart.
    const groups = [
      ['case_events', 'chat_reads'],
      ['webhook_events', 'payments'],
      ['cases', 'chat_messages'],
    ];
    await timed(`${indexes.length} secondary indexes rebuilt`, () =>
      Promise.all(
        groups.map(async (tables, i) => {
          for (const index of indexes.filter((candidate) => tables.includes(candidate.tablename)))
            await clients[i].query(index.indexdef);
        }),
      ),
    );
    await timed('VACUUM ANALYZE', () =>
      Promise.all(groups.map((tables, i) => clients[i].query(`VACUUM ANALYZE ${tables.join(', ')}`))),
    );
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}
