/**
 * Who did what, in the audit log: a chat reply and its Retry (stored through the outbox,
 * which audits every action it stores and every retry) and every CSV export with the filters
 * it was made with; a refused export leaves no entry. In-process, on a real PostgreSQL; an
 * API token's first use per day is covered in api-tokens.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as exportCases } from '@/app/(app)/cases/export/route';
import { GET as exportPayments } from '@/app/(app)/payments/export/route';
import { GET as exportReport } from '@/app/(app)/reports/export/route';
import { createApiToken } from '@/lib/auth/tokens';
import { createReply, retryReply } from '@/lib/chat/reply';
import { closePool } from '@/lib/database/pool';
import { db } from '@/lib/db';
import { createUser } from '@/lib/users/users';
import { createTestDatabase } from '../helpers/database';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let caseId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const { rows } = await database.pool.query<{ id: string }>(
    "INSERT INTO cases (id, reference, updated_at) VALUES (gen_random_uuid(), 'AUD-1', now()) RETURNING id",
  );
  caseId = rows[0].id;
});

afterAll(async () => {
  await db.$disconnect();
  await closePool();
  await database?.drop();
});

async function auditEntries(pattern: string) {
  const { rows } = await database.pool.query(
    `SELECT action, actor_email, target_type, target_id, detail FROM audit_log WHERE action LIKE $1 ORDER BY id`,
    [pattern],
  );
  return rows;
}

describe('audit of chat replies', () => {
  it('records who replied on which case, and who retried the reply', async () => {
    const user = await createUser({ email: 'writer@audit.test', name: 'Writer', role: 'collector' });
    const viewer = { id: user.id, role: 'collector', email: user.email };
    const reply = await createReply(viewer, 'AUD-1', 'We have received your message.');
    await retryReply(viewer, reply.id);

    const { rows } = await database.pool.query<{ id: string }>(
      'SELECT id FROM outbound_actions WHERE chat_message_id = $1',
      [reply.id],
    );
    const actionId = rows[0].id;
    expect(await auditEntries('outbox.%')).toEqual([
      {
        action: 'outbox.chat_reply',
        actor_email: 'writer@audit.test',
        target_type: 'outbound_action',
        target_id: actionId,
        detail: { caseId }, // the message itself stays out of the log
      },
      {
        action: 'outbox.action_retried',
        actor_email: 'writer@audit.test',
        target_type: 'outbound_action',
        target_id: actionId,
        detail: { kind: 'chat_reply' },
      },
    ]);
  });
});

describe('audit of CSV exports', () => {
  it('records who exported which list with which filters, and nothing for a refused export', async () => {
    const manager = await createUser({ email: 'exporter@audit.test', name: 'Exporter', role: 'manager' });
    const collector = await createUser({ email: 'nosy@audit.test', name: 'Nosy', role: 'collector' });
    const managerToken = (await createApiToken({ userId: manager.id, name: 'exports' })).token;
    const collectorToken = (await createApiToken({ userId: collector.id, name: 'exports' })).token;
    const get = (handler: (request: Request) => Promise<Response>, path: string, token: string) =>
      handler(new Request(`http://127.0.0.1${path}`, { headers: { authorization: `Bearer ${token}` } }));

    expect((await get(exportCases, '/cases/export?state=Active&q=AUD', managerToken)).status).toBe(200);
    expect((await get(exportPayments, '/payments/export?status=unreconciled', managerToken)).status).toBe(200);
    const report = '/reports/export?report=ageing&from=2026-01-01&to=2026-11-30';
    expect((await get(exportReport, report, managerToken)).status).toBe(200);
    expect((await get(exportCases, '/cases/export', collectorToken)).status).toBe(403);

    expect(await auditEntries('export.%')).toEqual([
      {
        action: 'export.cases',
        actor_email: 'exporter@audit.test',
        target_type: 'export',
        target_id: 'cases',
        detail: { query: '?state=Active&q=AUD', isTruncated: false },
      },
      {
        action: 'export.payments',
        actor_email: 'exporter@audit.test',
        target_type: 'export',
        target_id: 'payments',
        detail: { query: '?status=unreconciled', isTruncated: false },
      },
      {
        action: 'export.reports',
        actor_email: 'exporter@audit.test',
        target_type: 'export',
        target_id: 'reports',
        detail: { query: '?report=ageing&from=2026-01-01&to=2026-11-30', report: 'ageing' },
      },
    ]);
  });
});
