import { z } from 'zod';

/**
 * Optional text from a URL search parameter: trimmed, empty means absent, then checked by
 * `inner`. Shared by the list filters (cases, payments), whose forms submit empty fields.
 */
export function optionalText<T extends z.ZodType<unknown, string>>(inner: T) {
  return z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(inner.optional())
    .optional();
}
