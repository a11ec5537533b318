import type { z } from 'zod';
import { toErrorResponse, ValidationError } from '@/lib/api/errors';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { deliverSoon } from '@/lib/outbox/deliver';
import type { ActionView } from '@/lib/outbox/view';
import type { Actor } from './perform';

/**
 * The JSON API's side of an action (`/api/v1/cases/{reference}/...`): authenticate (token or
 * session, the `cases:act` permission), parse the body (400 when it is not JSON), validate it
 * (422 naming the field), perform (403/404/409 from the domain), then answer 202 with the
 * stored action and send it right after the answer. Handlers parse first and then dispatch, so a
 * route can grow a branch (an internal note, say) without repeating any of this.
 */
export async function readJson(request: Request, example: string): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError(`The body must be JSON, e.g. ${example}.`, 400);
  }
}

export function parseInput<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  return schema.parse(body);
}

export async function authenticateActor(request: Request): Promise<Actor> {
  return authenticateApiRequest(request, 'cases:act');
}

export function accepted(action: ActionView): Response {
  deliverSoon(action.id);
  return Response.json({ action: publicAction(action) }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
}

/** `{id, kind, status, error?}` plus what a script may want to show (warnings, times). */
export function publicAction(action: ActionView) {
  return {
    id: action.id,
    kind: action.kind,
    status: action.status,
    ...(action.error ? { error: action.error, errorCode: action.errorCode } : {}),
    createdAt: action.createdAt,
    sentAt: action.sentAt,
    confirmedAt: action.confirmedAt,
    warnings: action.warnings,
  };
}

/** Runs a handler body, mapping every error to the API's one error shape. */
export async function answer(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    return toErrorResponse(error);
  }
}
