import { randomBytes, randomUUID } from 'node:crypto';
import { EVENT_TYPES as WEBHOOK_EVENTS } from '@/lib/webhooks/normalize';
import { signatureHeader } from '@/lib/webhooks/signature';
import type { InvoiceDto } from './dto';
import type { WebhookEnvelope } from './generate';

/**
 * The connection side of the fake Collection Partner API: `GET /me`, `GET /cases` paging and
 * sorting, webhook subscriptions (a secret it signs with; disabled after 8 failed deliveries
 * in a row, and at once on a 410), the per-case event log with `deliveredAt`, replay, and
 * `POST /test/webhooks/fire`. Events enter through `produce` (or `POST /__simulator/events`)
 * and are delivered like Debitura does, with a retry schedule short enough for tests.
 */

export type FakeAnswer = { status: number; body: unknown };

export type FakeSubscription = {
  id: string;
  url: string;
  events: string[];
  isActive: boolean;
  isTestMode: boolean;
  disabledReason: string | null;
  secret: string;
  createdUtc: string;
  updatedUtc: string;
  consecutiveFailures: number;
};

export type FakeLoggedEvent = {
  id: string;
  subscriptionId: string;
  caseId: string;
  eventType: string;
  payload: string;
  createdAt: string;
  deliveredAt: string | null;
  attemptCount: number;
  lastResponseCode: number | null;
  lastError: string | null;
};

export type FakeConnectionOptions = {
  agencyName?: string;
  /** Delays before attempts 2..8 (ms). Debitura waits minutes; tests need milliseconds. */
  retryDelaysMs?: number[];
};

export type FakeConnection = {
  route: (method: string, url: URL, body: unknown) => FakeAnswer | null;
  /** Control routes (`/__simulator/...`), answered without an API key. */
  control: (method: string, url: URL, body: unknown) => FakeAnswer | null;
  /** Logs and delivers events as Debitura would (to every active subscription that wants them). */
  produce: (envelopes: readonly WebhookEnvelope[]) => void;
  subscriptions: () => FakeSubscription[];
  eventLog: () => FakeLoggedEvent[];
  /** Resolves once no delivery is in flight or waiting for a retry. */
  settled: () => Promise<void>;
  /**
   * Answer `count` connection calls with `status` (429 carries retryAfter), after letting `after`
   * more through; with `path`, only calls to that path count.
   */
  failNextCalls: (status: number, count: number, after?: number, path?: string) => void;
  /** An outage of the receiving end: while on, every delivery attempt fails as if nothing answered. */
  setDeliveriesFailing: (isFailing: boolean) => void;
  stop: () => void;
};

const MAX_FAILURES = 8;
const DELIVERY_CONCURRENCY = 4;
const DEFAULT_RETRY_DELAYS_MS = [200, 400, 800, 1_600, 3_200, 6_400, 12_800];
const EVENT_TYPES: ReadonlySet<string> = new Set(WEBHOOK_EVENTS);

export function createFakeConnection(
  cases: () => Iterable<InvoiceDto & { dateUpdated?: string }>,
  options: FakeConnectionOptions = {},
): FakeConnection {
  const subscriptions = new Map<string, FakeSubscription>();
  const log: FakeLoggedEvent[] = [];
  const updatedAt = new Map<string, string>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const inFlight = new Set<Promise<void>>();
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  let failure: { status: number; count: number; after: number; path?: string } = { status: 0, count: 0, after: 0 };
  let isDeliveryFailing = false;
  let isStopped = false;

  // Some envelopes use PascalCase keys; the reference finds the case when the id is not in the payload.
  const caseIdOf = (envelope: WebhookEnvelope) => {
    const data = envelope.data;
    const id = data.caseId ?? data.CaseId;
    if (typeof id === 'string' && id) return id;
    const reference = String(data.reference ?? data.Reference ?? '').toUpperCase();
    return [...cases()].find((dto) => dto.reference.toUpperCase() === reference)?.id ?? '';
  };
  const findCase = (caseId: string) => [...cases()].find((dto) => dto.id.toLowerCase() === caseId.toLowerCase());
  const withUpdated = (dto: InvoiceDto & { dateUpdated?: string }) => ({
    ...dto,
    dateUpdated: updatedAt.get(dto.id) ?? dto.dateUpdated ?? dto.dateFinished ?? dto.dateCollectionStarted,
  });
  const publicView = (subscription: FakeSubscription) => {
    const { id, url, events, isActive, isTestMode, disabledReason, createdUtc, updatedUtc } = subscription;
    return { id, url, events, isActive, isTestMode, disabledReason, createdUtc, updatedUtc };
  };

  // Debitura delivers a few at a time, not everything at once.
  const queue: { entry: FakeLoggedEvent; isReplay: boolean; attempt: number }[] = [];
  const deliver = (entry: FakeLoggedEvent, isReplay: boolean, attempt = 1) => {
    queue.push({ entry, isReplay, attempt });
    pump();
  };
  const pump = () => {
    while (inFlight.size < DELIVERY_CONCURRENCY && queue.length) {
      const next = queue.shift()!;
      const delivery = attemptDelivery(next.entry, next.isReplay, next.attempt);
      inFlight.add(delivery);
      void delivery.finally(() => {
        inFlight.delete(delivery);
        pump();
      });
    }
  };
  /** One POST to the subscriber: its status (null when nothing answered), recorded on the log entry. */
  const post = async (url: string, entry: FakeLoggedEvent, headers: Record<string, string>) => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: entry.payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer().catch(() => null);
      entry.lastResponseCode = response.status;
      entry.lastError = response.ok ? null : `HTTP ${response.status}`;
      return response.status;
    } catch (error) {
      entry.lastError = error instanceof Error ? error.message : String(error);
      return null;
    }
  };
  const attemptDelivery = async (entry: FakeLoggedEvent, isReplay: boolean, attempt: number) => {
    const subscription = subscriptions.get(entry.subscriptionId);
    if (isStopped || !subscription?.isActive) return;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-debitura-event': entry.eventType,
      'x-debitura-timestamp': String(Math.floor(Date.now() / 1000)),
      'x-debitura-signature': signatureHeader(subscription.secret, entry.payload),
    };
    if (isTestPayload(entry.payload)) headers['x-debitura-test'] = 'true';
    if (isReplay) headers['x-debitura-replay'] = 'true';
    entry.attemptCount += 1;
    let status: number | null = null;
    if (isDeliveryFailing) entry.lastError = 'connect ECONNREFUSED (simulated outage)';
    else status = await post(subscription.url, entry, headers);
    if (status !== null && status >= 200 && status < 300) {
      entry.deliveredAt = new Date().toISOString();
      subscription.consecutiveFailures = 0;
      return;
    }
    subscription.consecutiveFailures += 1;
    if (status === 410) disable(subscription, 'Endpoint returned 410 Gone');
    else if (subscription.consecutiveFailures >= MAX_FAILURES) {
      disable(subscription, `Exceeded maximum retry attempts (${MAX_FAILURES} failures)`);
    }
    if (!subscription.isActive || attempt >= MAX_FAILURES || isStopped) return;
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        deliver(entry, isReplay, attempt + 1);
      },
      retryDelays[attempt - 1] ?? retryDelays.at(-1),
    );
    timers.add(timer);
  };

  const disable = (subscription: FakeSubscription, reason: string) => {
    subscription.isActive = false;
    subscription.disabledReason = reason;
    subscription.updatedUtc = new Date().toISOString();
  };

  const produce = (envelopes: readonly WebhookEnvelope[], onlySubscription?: string) => {
    for (const envelope of envelopes) {
      const caseId = caseIdOf(envelope);
      const now = new Date().toISOString();
      if (caseId) updatedAt.set(caseId, now);
      const isTest = isTestPayload(JSON.stringify(envelope));
      for (const subscription of subscriptions.values()) {
        if (onlySubscription && subscription.id !== onlySubscription) continue;
        if (!subscription.events.includes(envelope.event)) continue;
        // Test events reach test-mode subscriptions only.
        if (isTest && !subscription.isTestMode) continue;
        const entry: FakeLoggedEvent = {
          id: envelope.id,
          subscriptionId: subscription.id,
          caseId,
          eventType: envelope.event,
          payload: JSON.stringify(envelope),
          createdAt: now,
          deliveredAt: null,
          attemptCount: 0,
          lastResponseCode: null,
          lastError: null,
        };
        log.push(entry);
        deliver(entry, false);
      }
    }
  };

  const webhooks = (method: string, id: string | null, body: Record<string, unknown>): FakeAnswer => {
    if (!id && method === 'GET') return { status: 200, body: [...subscriptions.values()].map(publicView) };
    if (!id && method === 'POST') {
      const problem = subscriptionProblem(body, true);
      if (problem) return { status: 400, body: { error: 'validation', message: problem } };
      const now = new Date().toISOString();
      const subscription: FakeSubscription = {
        id: randomUUID(),
        url: String(body.url),
        events: body.events as string[],
        isActive: true,
        isTestMode: body.isTestMode === true,
        disabledReason: null,
        secret: randomBytes(32).toString('base64'),
        createdUtc: now,
        updatedUtc: now,
        consecutiveFailures: 0,
      };
      subscriptions.set(subscription.id, subscription);
      return { status: 201, body: { ...publicView(subscription), secret: subscription.secret } };
    }
    const subscription = id ? subscriptions.get(id) : undefined;
    if (!subscription) return { status: 404, body: { error: 'not_found', message: 'Webhook not found' } };
    if (method === 'GET') return { status: 200, body: publicView(subscription) };
    if (method === 'DELETE') {
      subscriptions.delete(subscription.id);
      return { status: 204, body: null };
    }
    if (method !== 'PUT') return { status: 405, body: { message: 'Method not allowed' } };
    const problem = subscriptionProblem(body, false);
    if (problem) return { status: 400, body: { error: 'validation', message: problem } };
    if (typeof body.url === 'string') subscription.url = body.url;
    if (Array.isArray(body.events)) subscription.events = body.events as string[];
    if (typeof body.isTestMode === 'boolean') subscription.isTestMode = body.isTestMode;
    if (body.isActive === true && !subscription.isActive) {
      subscription.isActive = true;
      subscription.disabledReason = null;
      subscription.consecutiveFailures = 0;
    } else if (body.isActive === false) disable(subscription, 'Disabled by the partner');
    const isRegenerated = body.regenerateSecret === true;
    if (isRegenerated) subscription.secret = randomBytes(32).toString('base64');
    subscription.updatedUtc = new Date().toISOString();
    return {
      status: 200,
      body: { ...publicView(subscription), secret: isRegenerated ? subscription.secret : null },
    };
  };

  const listCases = (url: URL): FakeAnswer => {
    const param = (name: string) => url.searchParams.get(name) ?? url.searchParams.get(name.toLowerCase());
    const page = Math.max(1, Number(param('Page') ?? 1) || 1);
    const pageSize = Math.min(100, Math.max(1, Number(param('PageSize') ?? 10) || 10));
    const includeTest = param('includeTestCases') === 'true';
    const all = [...cases()].filter((dto) => includeTest || !dto.isTestCase).map(withUpdated);
    const [field, direction] = (param('Sort') ?? 'DateCreated:asc').split(':');
    const key = field.charAt(0).toLowerCase() + field.slice(1);
    const sign = direction?.toLowerCase() === 'desc' ? -1 : 1;
    all.sort((a, b) => {
      const [x, y] = [
        String((a as Record<string, unknown>)[key] ?? ''),
        String((b as Record<string, unknown>)[key] ?? ''),
      ];
      return (x < y ? -1 : x > y ? 1 : 0) * sign || (a.id < b.id ? -1 : 1);
    });
    const totalPages = Math.ceil(all.length / pageSize);
    const slice = all.slice((page - 1) * pageSize, page * pageSize);
    return {
      status: 200,
      body: {
        page: { totalResults: all.length, pageSize, currentPage: page, responseCount: slice.length, totalPages },
        cases: slice,
      },
    };
  };

  const route = (method: string, url: URL, raw: unknown): FakeAnswer | null => {
    const path = url.pathname;
    const body = (raw ?? {}) as Record<string, unknown>;
    const isConnectionPath =
      path === '/me' || path === '/cases' || path.startsWith('/webhooks') || path === '/test/webhooks/fire';
    if (!isConnectionPath) return null;
    const isFailureTarget = failure.count > 0 && (!failure.path || failure.path === path);
    if (isFailureTarget && failure.after > 0) failure.after -= 1;
    else if (isFailureTarget) {
      failure.count -= 1;
      return failure.status === 429
        ? { status: 429, body: { error: 'rate_limit_exceeded', message: 'Too many requests', retryAfter: 1.0 } }
        : { status: failure.status, body: { message: 'Simulated failure' } };
    }
    if (path === '/me' && method === 'GET') {
      return { status: 200, body: { id: 'agency-1', companyName: options.agencyName ?? 'Demo Collection Agency' } };
    }
    if (path === '/cases' && method === 'GET') return listCases(url);
    if (path === '/webhooks/events' && method === 'GET') {
      const caseId = url.searchParams.get('caseId');
      if (!caseId) return { status: 400, body: { message: 'caseId is required' } };
      const since = url.searchParams.get('since');
      const rows = log
        .filter((entry) => entry.caseId.toLowerCase() === caseId.toLowerCase())
        .filter((entry) => !since || Date.parse(entry.createdAt) >= Date.parse(since))
        .map((entry) => ({ ...entry }))
        .reverse();
      return { status: 200, body: rows };
    }
    const replay = /^\/webhooks\/events\/([^/]+)\/replay$/.exec(path);
    if (replay && method === 'POST') {
      const entry = log.find((row) => row.id === decodeURIComponent(replay[1]));
      if (!entry) return { status: 404, body: { message: 'Event not found' } };
      deliver(entry, true);
      return {
        status: 200,
        body: { eventId: entry.id, subscriptionId: entry.subscriptionId, eventType: entry.eventType },
      };
    }
    if (path === '/test/webhooks/fire' && method === 'POST') return fire(body);
    const webhook = /^\/webhooks(?:\/([^/]+))?$/.exec(path);
    if (webhook) return webhooks(method, webhook[1] ? decodeURIComponent(webhook[1]) : null, body);
    return { status: 404, body: { message: 'Not found' } };
  };

  const fire = (body: Record<string, unknown>): FakeAnswer => {
    const event = String(body.event ?? '');
    if (!EVENT_TYPES.has(event)) return { status: 400, body: { message: `Unknown event ${event}` } };
    const dto = findCase(String(body.caseId ?? ''));
    if (!dto) return { status: 404, body: { message: 'Case not found' } };
    const targets = [...subscriptions.values()].filter(
      (subscription) =>
        subscription.isTestMode && (!body.subscriptionId || subscription.id === String(body.subscriptionId)),
    );
    if (!targets.length) return { status: 400, body: { message: 'No test-mode subscription to fire at' } };
    const envelope: WebhookEnvelope = {
      id: randomUUID(),
      specVersion: '1.0',
      event,
      timestamp: new Date().toISOString(),
      data: { ...withUpdated(dto), caseId: dto.id, reference: dto.reference, classification: 'test' },
    };
    for (const subscription of targets) produce([envelope], subscription.id);
    return { status: 202, body: { eventId: envelope.id } };
  };

  const control = (method: string, url: URL, body: unknown): FakeAnswer | null => {
    if (url.pathname === '/__simulator/events' && method === 'POST') {
      const envelopes = (Array.isArray(body) ? body : [body]) as WebhookEnvelope[];
      produce(envelopes);
      return { status: 202, body: { produced: envelopes.length } };
    }
    if (url.pathname === '/__simulator/webhooks' && method === 'GET') {
      return { status: 200, body: [...subscriptions.values()] };
    }
    // Switches for tests in another process (the browser tests): an outage, failing API calls.
    const switches = (body ?? {}) as { isFailing?: unknown; status?: unknown; count?: unknown; path?: unknown };
    if (url.pathname === '/__simulator/deliveries' && method === 'POST') {
      isDeliveryFailing = switches.isFailing === true;
      return { status: 200, body: { isFailing: isDeliveryFailing } };
    }
    if (url.pathname === '/__simulator/failures' && method === 'POST') {
      const path = typeof switches.path === 'string' ? switches.path : undefined;
      failure = { status: Number(switches.status) || 503, count: Number(switches.count) || 1, after: 0, path };
      return { status: 200, body: failure };
    }
    return null;
  };

  return {
    route,
    control,
    produce: (envelopes) => produce(envelopes),
    subscriptions: () => [...subscriptions.values()].map((subscription) => ({ ...subscription })),
    eventLog: () => log.map((entry) => ({ ...entry })),
    settled: async () => {
      while (queue.length || inFlight.size || timers.size) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    failNextCalls: (status, count, after = 0, path) => {
      failure = { status, count, after, path };
    },
    setDeliveriesFailing: (isFailing) => {
      isDeliveryFailing = isFailing;
    },
    stop: () => {
      isStopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

function subscriptionProblem(body: Record<string, unknown>, isCreate: boolean): string | null {
  if (isCreate || body.url !== undefined) {
    if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url) || body.url.length > 1024) {
      return 'url must be an absolute URL of at most 1024 characters';
    }
  }
  if (isCreate || body.events !== undefined) {
    const events = body.events;
    if (!Array.isArray(events) || !events.length || events.some((event) => !EVENT_TYPES.has(String(event)))) {
      return 'events must list at least one known event type';
    }
  }
  return null;
}

function isTestPayload(payload: string): boolean {
  try {
    const parsed = JSON.parse(payload) as { data?: Record<string, unknown> };
    return parsed.data?.classification === 'test' || parsed.data?.isTestCase === true;
  } catch {
    return false;
  }
}
