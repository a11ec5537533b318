/**
 * The machine's floor for ingest: a bare node:http server that verifies the same HMAC
 * (lib/webhooks/signature.ts) and does one INSERT per event through `pg`, into a copy of
 * the inbox table with the same columns and indexes. No framework, no applier.
 * Run by scripts/bench.ts as a separate process: PORT, DATABASE_URL, SECRET in the env.
 *
 * MODE=prisma and MODE=prisma-tx (bench --variants) price two alternatives for the same
 * store: one Prisma createMany(skipDuplicates) per event, and an interactive Prisma
 * transaction of two statements (store, then mark applied), as applying inline would need.
 */
import http from 'node:http';
import pg from 'pg';
import { decodeSecret, verifySignature } from '@/lib/webhooks/signature';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});
const keys = [decodeSecret(process.env.SECRET ?? '')];
const MAX_BODY = 1024 * 1024;

const server = http.createServer((req, res) => {
  if (req.method === 'GET') {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY) chunks.push(chunk);
  });
  req.on('end', () => {
    void handle(Buffer.concat(chunks), size, req.headers).then(([status, body]) => {
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
    });
  });
});

async function handle(body: Buffer, size: number, headers: http.IncomingHttpHeaders): Promise<[number, string]> {
  if (size > MAX_BODY) return [413, '{"error":"too large"}'];
  const verdict = verifySignature((headers['x-debitura-signature'] as string | undefined) ?? null, body, keys);
  if (!verdict.ok) return [401, JSON.stringify({ error: verdict.reason })];
  let envelope: { id?: unknown; event?: unknown; timestamp?: unknown; data?: Record<string, unknown> };
  const text = body.toString('utf8');
  try {
    envelope = JSON.parse(text) as typeof envelope;
  } catch {
    return [400, '{"error":"invalid_json"}'];
  }
  if (typeof envelope.id !== 'string' || typeof envelope.event !== 'string' || typeof envelope.timestamp !== 'string') {
    return [400, '{"error":"invalid_envelope"}'];
  }
  if (MODE !== 'pg') return storeWithPrisma(envelope as Stored, text, headers);
  try {
    const result = await pool.query({
      name: 'bare-insert',
      text: `INSERT INTO bench_bare_inbox (id, type, occurred_at, case_reference, raw_body, headers, is_test, status)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'received') ON CONFLICT (id) DO NOTHING`,
      values: [
        envelope.id,
        envelope.event,
        envelope.timestamp,
        envelope.data?.reference ?? envelope.data?.Reference ?? null,
        text,
        JSON.stringify({ 'x-debitura-event': headers['x-debitura-event'] ?? null }),
        headers['x-debitura-test'] === 'true',
      ],
    });
    return [200, result.rowCount ? '{"status":"accepted"}' : '{"status":"duplicate"}'];
  } catch {
    return [503, '{"error":"unavailable"}'];
  }
}

type Stored = { id: string; event: string; timestamp: string; data?: Record<string, unknown> };
const MODE = process.env.MODE ?? 'pg';
const prisma = MODE === 'pg' ? null : import('@/lib/db').then((module) => module.db);

async function storeWithPrisma(
  envelope: Stored,
  text: string,
  headers: http.IncomingHttpHeaders,
): Promise<[number, string]> {
  const db = (await prisma)!;
  const data = {
    id: envelope.id,
    type: envelope.event,
    occurredAt: new Date(envelope.timestamp),
    caseReference: (envelope.data?.reference ?? envelope.data?.Reference ?? null) as string | null,
    rawBody: text,
    headers: { 'x-debitura-event': (headers['x-debitura-event'] as string | undefined) ?? null },
    isTest: headers['x-debitura-test'] === 'true',
  };
  try {
    if (MODE === 'prisma-tx') {
      const isNew = await db.$transaction(async (tx) => {
        const { count } = await tx.webhookEvent.createMany({ data: [data], skipDuplicates: true });
        if (count)
          await tx.webhookEvent.update({ where: { id: data.id }, data: { status: 'applied', appliedAt: new Date() } });
        return count > 0;
      });
      return [200, isNew ? '{"status":"applied"}' : '{"status":"duplicate"}'];
    }
    const { count } = await db.webhookEvent.createMany({ data: [data], skipDuplicates: true });
    return [200, count ? '{"status":"accepted"}' : '{"status":"duplicate"}'];
  } catch {
    return [503, '{"error":"unavailable"}'];
  }
}

server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
