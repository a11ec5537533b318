import { getDebituraApiConfig, request, requestObject } from './client';
import { apiPath } from './path';

/**
 * The calls that act on a case (docs/debitura.md "Acting on cases"). Bodies are Debitura's
 * field names with money in major units (converted from minor units by the caller, in
 * lib/outbox/send.ts). Only payments (and chats) take an Idempotency-Key.
 */

type Json = Record<string, unknown>;

export async function getCase(caseId: string, config = getDebituraApiConfig()): Promise<Json> {
  return requestObject(config, 'GET', apiPath`/cases/${caseId}`);
}

export async function startCase(caseId: string, body: Json, config = getDebituraApiConfig()): Promise<Json> {
  return requestObject(config, 'POST', apiPath`/cases/${caseId}/start`, { body });
}

export async function createPayment(
  caseId: string,
  body: Json,
  idempotencyKey: string,
  config = getDebituraApiConfig(),
): Promise<Json> {
  return requestObject(config, 'POST', apiPath`/cases/${caseId}/payments`, {
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export async function updatePayment(
  caseId: string,
  paymentId: string,
  body: Json,
  config = getDebituraApiConfig(),
): Promise<Json> {
  return requestObject(config, 'PUT', apiPath`/cases/${caseId}/payments/${paymentId}`, { body });
}

export async function deletePayment(
  caseId: string,
  paymentId: string,
  reopenCaseIfNeeded: boolean,
  config = getDebituraApiConfig(),
): Promise<Json> {
  return requestObject(config, 'DELETE', apiPath`/cases/${caseId}/payments/${paymentId}`, {
    query: reopenCaseIfNeeded ? { reopenCaseIfNeeded: true } : undefined,
  });
}

export async function listPayments(caseId: string, config = getDebituraApiConfig()): Promise<unknown> {
  return request(config, 'GET', apiPath`/cases/${caseId}/payments`);
}

export async function closeCase(caseId: string, body: Json, config = getDebituraApiConfig()): Promise<Json> {
  return requestObject(config, 'POST', apiPath`/cases/${caseId}/close`, { body });
}

export async function addNote(caseId: string, body: Json, config = getDebituraApiConfig()): Promise<Json> {
  return requestObject(config, 'POST', apiPath`/cases/${caseId}/notes`, { body });
}

/** `{items:[{date, type, title, description, actor}]}`; the item types are not documented. */
export async function getTimeline(caseId: string, config = getDebituraApiConfig()): Promise<Json> {
  return requestObject(config, 'GET', apiPath`/cases/${caseId}/timeline`);
}

export async function updateFees(caseId: string, body: Json, config = getDebituraApiConfig()): Promise<Json> {
  return requestObject(config, 'PUT', apiPath`/cases/${caseId}/fees`, { body });
}

export async function uploadFile(caseId: string, form: FormData, config = getDebituraApiConfig()): Promise<Json> {
  return requestObject(config, 'POST', apiPath`/cases/${caseId}/files`, { form });
}

/** The case's files; each `url` is a temporary signed link, never to be kept. */
export async function listFiles(caseId: string, config = getDebituraApiConfig()): Promise<unknown> {
  return request(config, 'GET', apiPath`/cases/${caseId}/files`);
}
