import { isPlainObject } from '@/lib/webhooks/normalize';
import { PermanentApiError, requestJson, type DebituraApiConfig } from './client';
import { apiPath } from './path';

/**
 * The Collection Partner API calls that manage the connection itself: who we are
 * (`GET /me`), the case list, the webhook subscription, its per-case event log, replay and
 * test deliveries. Answers are read leniently (camelCased keys, `page` or `pageData`) and
 * checked: an answer of the wrong shape is a PermanentApiError, never a silent default.
 */

export type Me = { id: string | null; companyName: string | null };

export type Subscription = {
  id: string;
  url: string;
  events: string[];
  isActive: boolean;
  isTestMode: boolean;
  disabledReason: string | null;
  /** Only in the answers to create and regenerate. */
  secret: string | null;
};

export type CasePage = {
  cases: Record<string, unknown>[];
  totalResults: number | null;
  totalPages: number | null;
  currentPage: number;
};

export type LoggedEvent = {
  id: string;
  caseId: string;
  eventType: string;
  /** The envelope exactly as delivered (a JSON string). */
  payload: string;
  createdAt: string | null;
  deliveredAt: string | null;
};

export async function getMe(config: DebituraApiConfig): Promise<Me> {
  const me = await requestJson(config, 'GET', '/me');
  if (!isPlainObject(me)) throw new PermanentApiError('GET /me: the answer is not a JSON object', 200);
  return { id: optionalText(me.id), companyName: optionalText(me.companyName ?? me.name) };
}

export type ListCasesQuery = { page: number; pageSize: number; sort?: string; includeTestCases?: boolean };

/** Every status unless told otherwise: the API's default leaves some out. */
const ALL_STATUSES = 'PendingVerification,NeedsAdditionalDetails,Leads,LeadsQuoteGiven,Active,Paused,Closed';

export async function listCases(config: DebituraApiConfig, query: ListCasesQuery): Promise<CasePage> {
  const params = new URLSearchParams({
    Page: String(query.page),
    PageSize: String(query.pageSize),
    Statuses: ALL_STATUSES,
    includeTestCases: String(query.includeTestCases ?? false),
  });
  if (query.sort) params.set('Sort', query.sort);
  const path = `/cases?${params}`;
  const answer = await requestJson(config, 'GET', path);
  if (!isPlainObject(answer) || !Array.isArray(answer.cases)) {
    throw new PermanentApiError(`GET ${path}: no cases list in the answer`, 200);
  }
  const meta = isPlainObject(answer.page) ? answer.page : isPlainObject(answer.pageData) ? answer.pageData : {};
  return {
    cases: answer.cases.filter(isPlainObject),
    totalResults: optionalNumber(meta.totalResults),
    totalPages: optionalNumber(meta.totalPages),
    currentPage: optionalNumber(meta.currentPage) ?? query.page,
  };
}

export async function listCaseChats(config: DebituraApiConfig, caseId: string): Promise<Record<string, unknown>[]> {
  return listOf(await requestJson(config, 'GET', apiPath`/cases/${caseId}/chats`), 'chats');
}

export async function listCasePayments(config: DebituraApiConfig, caseId: string): Promise<Record<string, unknown>[]> {
  return listOf(await requestJson(config, 'GET', apiPath`/cases/${caseId}/payments`), 'payments');
}

export async function listSubscriptions(config: DebituraApiConfig): Promise<Subscription[]> {
  return listOf(await requestJson(config, 'GET', '/webhooks'), 'webhooks').map(toSubscription);
}

export type NewSubscription = { url: string; events: readonly string[]; isTestMode: boolean };

export async function createSubscription(config: DebituraApiConfig, input: NewSubscription): Promise<Subscription> {
  return toSubscription(await requestJson(config, 'POST', '/webhooks', input));
}

export type SubscriptionUpdate = {
  url?: string;
  events?: readonly string[];
  isActive?: boolean;
  regenerateSecret?: boolean;
};

export async function updateSubscription(
  config: DebituraApiConfig,
  id: string,
  update: SubscriptionUpdate,
): Promise<Subscription> {
  return toSubscription(await requestJson(config, 'PUT', apiPath`/webhooks/${id}`, update));
}

export async function deleteSubscription(config: DebituraApiConfig, id: string): Promise<void> {
  await requestJson(config, 'DELETE', apiPath`/webhooks/${id}`);
}

/** The case's event log, newest first; `since` is inclusive. */
export async function listCaseEvents(config: DebituraApiConfig, caseId: string, since?: Date): Promise<LoggedEvent[]> {
  const params = new URLSearchParams({ caseId });
  if (since) params.set('since', since.toISOString());
  return listOf(await requestJson(config, 'GET', `/webhooks/events?${params}`), 'events').flatMap((row) => {
    const id = optionalText(row.id);
    // The payload may come as a JSON string (documented) or already parsed.
    const payload =
      typeof row.payload === 'string' ? row.payload : isPlainObject(row.payload) ? JSON.stringify(row.payload) : null;
    if (!id || !payload) return [];
    return [
      {
        id,
        caseId: optionalText(row.caseId) ?? caseId,
        eventType: optionalText(row.eventType) ?? '',
        payload,
        createdAt: optionalText(row.createdAt),
        deliveredAt: optionalText(row.deliveredAt),
      },
    ];
  });
}

export async function replayEvent(config: DebituraApiConfig, eventId: string): Promise<void> {
  await requestJson(config, 'POST', apiPath`/webhooks/events/${eventId}/replay`);
}

export type TestFire = { event: string; caseId: string; subscriptionId?: string };

export async function fireTestEvent(config: DebituraApiConfig, input: TestFire): Promise<void> {
  await requestJson(config, 'POST', '/test/webhooks/fire', input);
}

function toSubscription(value: unknown): Subscription {
  if (!isPlainObject(value)) throw new PermanentApiError('webhook subscription: the answer is not a JSON object', 200);
  const id = optionalText(value.id);
  if (!id) throw new PermanentApiError('webhook subscription: the answer has no id', 200);
  return {
    id,
    url: optionalText(value.url) ?? '',
    events: Array.isArray(value.events)
      ? value.events.filter((event): event is string => typeof event === 'string')
      : [],
    isActive: value.isActive !== false,
    isTestMode: value.isTestMode === true,
    disabledReason: optionalText(value.disabledReason),
    secret: optionalText(value.secret),
  };
}

/** A bare array, or an object wrapping one under `key` (the docs are not consistent). */
function listOf(value: unknown, key: string): Record<string, unknown>[] {
  const list = Array.isArray(value) ? value : isPlainObject(value) && Array.isArray(value[key]) ? value[key] : null;
  if (!list) throw new PermanentApiError(`the answer holds no ${key} list`, 200);
  return list.filter(isPlainObject);
}

function optionalText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function optionalNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
