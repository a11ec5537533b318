import { ZodError } from 'zod';

/**
 * The few errors the app raises on purpose, and the one mapping from them to JSON
 * responses: `{ "error": { "code", "message" } }`.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class UnauthenticatedError extends HttpError {
  constructor(message = 'Sign in or send a valid API token (Authorization: Bearer <token>).') {
    super(401, 'unauthenticated', message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = 'Your role does not allow this.') {
    super(403, 'forbidden', message);
  }
}

export class NotFoundError extends HttpError {
  constructor(message = 'Not found.') {
    super(404, 'not_found', message);
  }
}

/** What the case's state forbids (a payment on a Closed case, accepting an Active one): 409, nothing changed. */
export class ConflictError extends HttpError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}

export class ValidationError extends HttpError {
  constructor(message: string, status: 400 | 422 = 422) {
    super(status, status === 400 ? 'bad_request' : 'invalid', message);
  }
}

export function errorResponse(status: number, code: string, message: string, headers?: HeadersInit): Response {
  return Response.json({ error: { code, message } }, { status, headers });
}

/** Maps anything thrown in a route handler to a JSON error; unexpected errors become 500. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof HttpError) return errorResponse(error.status, error.code, error.message);
  if (error instanceof ZodError) {
    const message = error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
    return errorResponse(422, 'invalid', message);
  }
  console.error(error);
  return errorResponse(500, 'internal', 'Something went wrong on our side.');
}
