/**
 * The machine's floor for ingest: a bare node:http server that verifies the same HMAC
 * (lib/webhooks/signature.ts) and does one INSERT per event through `pg`, into a copy of
 * the inbox table with the same columns and indexes. No framework, no applier.
 * Run by scripts/bench.ts as a separate process: PORT, DATABASE_URL, SECRET in the env.
 */
import http from 'node:http';
import pg from 'pg';
import { decodeSecret, verifySignature } from '@/lib/webhooks/signature';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
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

server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
