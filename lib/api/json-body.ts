import { ValidationError } from './errors';

/** The request's JSON body, or a 400 saying what shape was expected. */
export async function readJsonBody(request: Request, expected: string): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new ValidationError(`The body must be JSON: ${expected}.`, 400);
  }
}
