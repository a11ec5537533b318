import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeConnection, type FakeConnection, type FakeConnectionOptions } from './fake-api-connection';
import { chatDtos, paymentDtos, type ChatDto, type InvoiceDto, type PaymentDto } from './dto';
import { createFakeActions, type Answer, type FakeActions, type WebhookTarget } from './fake-api-actions';
import { createFakeDocuments, type FakeDocuments } from './fake-api-documents';
import { caseDetail, generateSimulation, isoSeconds, type GenerateOptions, type Simulation } from './generate';

/**
 * A stand-in for Debitura's Collection Partner API (docs/debitura.md "The Collection Partner
 * API"): case detail for the generated cases (and any registered ones), their chats and
 * payments, and chat posts, recorded once per Idempotency-Key. Every route but the
 * `/__simulator` control routes needs the `XApiKey` header.
 */

export type ChatPost = {
  caseId: string;
  message: string;
  userEmail: string;
  idempotencyKey: string | null;
  at: Date;
  response: ChatDto;
};

export type FakeApiOptions = {
  port?: number;
  host?: string;
  /** Serve the cases of this generation (the same options the events were generated with). */
  seed?: number;
  cases?: number;
  test?: boolean | number;
  until?: Date;
  simulation?: Simulation;
  /** Required value of XApiKey; without it any non-empty key is accepted. */
  apiKey?: string;
  /** Answer the first N chat posts with 503 (before recording anything). */
  failFirstChatPosts?: number;
  /** Answer the first N case-detail reads with 503. */
  failFirstDetailGets?: number;
  /** 404 for chat posts to case ids the API does not know. Off by default, so any case can be replied to. */
  isStrict?: boolean;
  /** The connection endpoints (me, case list, webhook subscriptions, event log): see fake-api-connection.ts. */
  connection?: FakeConnectionOptions;
  /** Where the webhooks that acting on a case causes are sent, signed with `secret` (none without it). */
  webhook?: WebhookTarget;
  /**
   * Without `webhook`: deliver those webhooks to the registered subscriptions instead, logged
   * and signed with their secrets as Debitura does (the demo). Off by default, so tests that
   * register a subscription get no webhooks they did not ask for.
   */
  confirmThroughSubscriptions?: boolean;
  /** Debitura's rate limit per API key (default 2,000 calls a minute). */
  rateLimitPerMinute?: number;
};

export type FakeApi = {
  url: string;
  port: number;
  chatPosts: ChatPost[];
  /** Every detail read, by path, including failed ones. */
  detailRequests: string[];
  /** How many chat posts arrived, including failed and idempotent repeats. */
  chatPostAttempts: () => number;
  register: (detail: InvoiceDto) => void;
  setFailures: (failures: { chatPosts?: number; detailGets?: number }) => void;
  connection: FakeConnection;
  /** Acting on cases (fake-api-actions.ts): effective calls, fault switches, webhook target. */
  actions: FakeActions;
  /** Case documents (fake-api-documents.ts): stored files, Debitura's size and type rules. */
  documents: FakeDocuments;
  close: () => Promise<void>;
};

export async function startFakeApi(options: FakeApiOptions = {}): Promise<FakeApi> {
  const byReference = new Map<string, InvoiceDto>();
  const byId = new Map<string, InvoiceDto>();
  const chatsById = new Map<string, ChatDto[]>();
  const paymentsById = new Map<string, PaymentDto[]>();
  const register = (detail: InvoiceDto) => {
    byReference.set(detail.reference.toUpperCase(), detail);
    byId.set(detail.id.toLowerCase(), detail);
  };
  const simulation = options.simulation ?? (options.cases ? generateSimulation(simulationOptions(options)) : undefined);
  for (const simCase of simulation?.cases ?? []) {
    register(caseDetail(simCase));
    chatsById.set(simCase.caseId, chatDtos(simCase));
    paymentsById.set(simCase.caseId, paymentDtos(simCase));
  }

  const connection = createFakeConnection(() => byId.values(), options.connection);
  const chatPosts: ChatPost[] = [];
  const detailRequests: string[] = [];
  const idempotent = new Map<string, { fingerprint: string; answer: Answer }>();
  let chatFailures = options.failFirstChatPosts ?? 0;
  let detailFailures = options.failFirstDetailGets ?? 0;
  let chatAttempts = 0;
  const unavailable: Answer = { status: 503, body: { message: 'Service temporarily unavailable (simulated)' } };
  const actions = createFakeActions(
    { byId, paymentsById },
    {
      rateLimitPerMinute: options.rateLimitPerMinute,
      webhook: options.webhook,
      produce: options.confirmThroughSubscriptions ? (envelope) => connection.produce([envelope]) : undefined,
    },
  );
  let baseUrl = '';
  const documents = createFakeDocuments({ byId }, actions.act, () => baseUrl);

  const postChat = (caseId: string, body: unknown, key: string | null): Answer => {
    chatAttempts++;
    if (chatFailures > 0) {
      chatFailures--;
      return unavailable;
    }
    const { message, userEmail } = (body ?? {}) as { message?: unknown; userEmail?: unknown };
    if (typeof message !== 'string' || !message.trim() || typeof userEmail !== 'string' || !userEmail.includes('@')) {
      return { status: 400, body: { message: 'message and userEmail are required' } };
    }
    if (options.isStrict && !byId.has(caseId)) return { status: 404, body: { message: `No case ${caseId}` } };
    const fingerprint = JSON.stringify([caseId, message, userEmail]);
    const scope = key ? `${caseId}:${key}` : null;
    const earlier = scope ? idempotent.get(scope) : undefined;
    if (earlier) {
      return earlier.fingerprint === fingerprint
        ? earlier.answer
        : { status: 422, body: { message: 'Idempotency-Key reused with a different request' } };
    }
    const [first = '', last = ''] = userEmail.split('@')[0].split(/[._-]/);
    const capitalise = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
    const dto: ChatDto = {
      id: randomUUID(),
      dateCreated: isoSeconds(new Date()),
      role: 'CollectionPartner',
      roleLabel: 'Collection partner',
      message,
      isSeen: false,
      user: { id: randomUUID(), firstName: capitalise(first), lastName: capitalise(last), email: userEmail },
    };
    chatPosts.push({ caseId, message, userEmail, idempotencyKey: key, at: new Date(), response: dto });
    chatsById.set(caseId, [...(chatsById.get(caseId) ?? []), dto]);
    const answer = { status: 200, body: dto };
    if (scope) idempotent.set(scope, { fingerprint, answer });
    return answer;
  };

  const readDetail = (path: string, detail: InvoiceDto | undefined): Answer => {
    detailRequests.push(path);
    if (detailFailures > 0) {
      detailFailures--;
      return unavailable;
    }
    return detail ? { status: 200, body: detail } : { status: 404, body: { message: 'Case not found' } };
  };

  const route = (method: string, url: URL, body: unknown, headers: http.IncomingHttpHeaders): Answer => {
    const path = url.pathname;
    const controlled = connection.control(method, url, body);
    if (controlled) return controlled;
    if (path === '/__simulator/cases' && method === 'POST') {
      for (const detail of Array.isArray(body) ? body : [body]) register(detail as InvoiceDto);
      return { status: 204, body: null };
    }
    if (path === '/__simulator/chats' && method === 'GET') return { status: 200, body: chatPosts };
    const refused = admit(headers);
    if (refused) return refused;
    const connectionAnswer = connection.route(method, url, body);
    if (connectionAnswer) return connectionAnswer;
    const acted = actions.route(method, path, url.searchParams, body, headers);
    if (acted) return acted;
    const byRef = /^\/cases\/case-reference\/([^/]+)$/.exec(path);
    if (byRef && method === 'GET') return readDetail(path, byReference.get(decodeURIComponent(byRef[1]).toUpperCase()));
    const match = /^\/cases\/([^/]+)(\/chats|\/payments)?$/.exec(path);
    if (!match) return { status: 404, body: { message: 'Not found' } };
    const caseId = decodeURIComponent(match[1]).toLowerCase();
    if (!match[2] && method === 'GET') return readDetail(path, byId.get(caseId));
    if (match[2] === '/chats' && method === 'POST') {
      const idempotencyKey = headers['idempotency-key'];
      return postChat(caseId, body, typeof idempotencyKey === 'string' ? idempotencyKey : null);
    }
    if (!byId.has(caseId) && !chatsById.has(caseId)) return { status: 404, body: { message: 'Case not found' } };
    if (match[2] === '/chats' && method === 'GET') return { status: 200, body: chatsById.get(caseId) ?? [] };
    if (match[2] === '/payments' && method === 'GET') return { status: 200, body: paymentsById.get(caseId) ?? [] };
    return { status: 405, body: { message: 'Method not allowed' } };
  };

  /** The API key, then the rate limit: null when the call may go ahead. */
  const admit = (headers: http.IncomingHttpHeaders): Answer | null => {
    const key = headers['xapikey'];
    if (typeof key !== 'string' || !key || (options.apiKey && key !== options.apiKey)) {
      return { status: 401, body: { message: 'Missing or invalid XApiKey header' } };
    }
    return actions.checkRateLimit(key);
  };

  /** File uploads are multipart, not JSON: they are routed on the raw body. */
  const routeFiles = async (req: http.IncomingMessage, url: URL, raw: Buffer): Promise<Answer | null> => {
    if (!/^\/cases\/[^/]+\/files$/.test(url.pathname)) return null;
    return admit(req.headers) ?? documents.route(req.method ?? 'GET', url.pathname, raw, req.headers['content-type']);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const download = documents.download(url);
      if (download) {
        res.writeHead(download.status, { 'Content-Type': download.contentType, 'Cache-Control': 'no-store' });
        return void res.end(download.body);
      }
      let answer: Answer;
      try {
        const raw = Buffer.concat(chunks);
        const files = await routeFiles(req, url, raw);
        const text = raw.toString('utf8');
        answer =
          files ?? route(req.method ?? 'GET', url, text ? (JSON.parse(text) as unknown) : undefined, req.headers);
      } catch {
        answer = { status: 400, body: { message: 'Body is not JSON' } };
      }
      // A timeout: no answer at all. A lost answer: the call took effect, the connection drops.
      if (answer.fault === 'hang') return;
      if (answer.fault === 'drop') return void req.socket.destroy();
      const payload = answer.body === null ? '' : JSON.stringify(answer.body);
      res.writeHead(answer.status, payload ? { 'Content-Type': 'application/json; charset=utf-8' } : {});
      res.end(payload);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${port}`;

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    chatPosts,
    detailRequests,
    chatPostAttempts: () => chatAttempts,
    register,
    actions,
    documents,
    setFailures: (failures) => {
      chatFailures = failures.chatPosts ?? chatFailures;
      detailFailures = failures.detailGets ?? detailFailures;
    },
    connection,
    close: () =>
      new Promise<void>((resolve) => {
        connection.stop();
        actions.setWebhook(undefined);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function simulationOptions(options: FakeApiOptions): GenerateOptions {
  return { cases: options.cases ?? 0, seed: options.seed ?? 1, test: options.test, until: options.until };
}
