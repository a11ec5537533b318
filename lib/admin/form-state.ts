import type { z } from 'zod';

/**
 * What every admin form's server action answers, for useActionState: a message for the
 * form as a whole, errors per field (shown in the field's aria-describedby region), and
 * the submitted values so a failed form keeps what was typed (never passwords).
 */
export type FormState = {
  status: 'idle' | 'success' | 'error';
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  /** A new API token, shown once by the form and never again. */
  token?: string;
};

export const IDLE: FormState = { status: 'idle' };

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The text fields of a form, for echoing back; `omit` keeps secrets out. */
export function formValues(formData: FormData, omit: string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !omit.includes(key) && !key.startsWith('$')) values[key] = value;
  }
  return values;
}

export function failure(message: string, extra: Partial<FormState> = {}): FormState {
  return { status: 'error', message, ...extra };
}
