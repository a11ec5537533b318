import { z } from 'zod';
import type { AuditActor } from '@/lib/audit/audit';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import { ROLES } from '@/lib/auth/permissions';
import {
  createUser,
  DuplicateEmailError,
  InvalidUserInputError,
  resetPassword,
  setUserDisabled,
  setUserRole,
  UserNotFoundError,
} from '@/lib/users/users';
import { failure, fieldErrorsOf, formValues, type FormState } from './form-state';

/**
 * The users page's operations, from a submitted form to a FormState. lib/users/users.ts
 * does the work and writes the audit entry (with the acting admin) in the same
 * transaction; this module validates the form and guards the admin against locking
 * themselves out. The server actions (lib/admin/actions/users.ts) add the permission check.
 */

const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `At least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `At most ${PASSWORD_MAX_LENGTH} characters.`);
const role = z.enum(ROLES, { error: `Choose a role: ${ROLES.join(', ')}.` });
const email = z.string().trim().toLowerCase().pipe(z.email('Enter an email address like name@agency.com.'));

const createSchema = z.object({
  email,
  name: z.string().trim().min(1, 'Enter a name.').max(100, 'At most 100 characters.'),
  role,
  password,
});

const targetSchema = z.object({ email });

export type Actor = AuditActor & { role?: string };

function entries(formData: FormData): Record<string, FormDataEntryValue> {
  return Object.fromEntries(formData.entries());
}

function domainFailure(error: unknown, values?: Record<string, string>): FormState {
  if (error instanceof DuplicateEmailError)
    return failure(error.message, { fieldErrors: { email: error.message }, values });
  if (error instanceof InvalidUserInputError || error instanceof UserNotFoundError)
    return failure(error.message, { values });
  throw error;
}

export async function createUserFromForm(formData: FormData, actor: Actor): Promise<FormState> {
  const values = formValues(formData, ['password']);
  const parsed = createSchema.safeParse(entries(formData));
  if (!parsed.success)
    return failure('Check the highlighted fields.', { fieldErrors: fieldErrorsOf(parsed.error), values });
  try {
    const user = await createUser(parsed.data, { actor });
    return { status: 'success', message: `Created ${user.email} (${user.role}).` };
  } catch (error) {
    return domainFailure(error, values);
  }
}

function isSelf(actor: Actor, targetEmail: string): boolean {
  return actor.email.toLowerCase() === targetEmail;
}

export async function changeRoleFromForm(formData: FormData, actor: Actor): Promise<FormState> {
  const parsed = targetSchema.extend({ role }).safeParse(entries(formData));
  if (!parsed.success) return failure(Object.values(fieldErrorsOf(parsed.error))[0]);
  if (isSelf(actor, parsed.data.email)) return failure('You cannot change your own role: ask another admin.');
  try {
    const user = await setUserRole(parsed.data.email, parsed.data.role, { actor });
    return { status: 'success', message: `${user.email} is now ${user.role}.` };
  } catch (error) {
    return domainFailure(error);
  }
}

export async function setDisabledFromForm(formData: FormData, actor: Actor): Promise<FormState> {
  const parsed = targetSchema.extend({ disabled: z.enum(['true', 'false']) }).safeParse(entries(formData));
  if (!parsed.success) return failure(Object.values(fieldErrorsOf(parsed.error))[0]);
  const disabled = parsed.data.disabled === 'true';
  if (disabled && isSelf(actor, parsed.data.email)) return failure('You cannot disable your own account.');
  try {
    const user = await setUserDisabled(parsed.data.email, disabled, { actor });
    return {
      status: 'success',
      message: `${user.email} is ${disabled ? 'disabled: their sessions and tokens stop working' : 'enabled again'}.`,
    };
  } catch (error) {
    return domainFailure(error);
  }
}

export async function resetPasswordFromForm(formData: FormData, actor: Actor): Promise<FormState> {
  const parsed = targetSchema.extend({ password }).safeParse(entries(formData));
  if (!parsed.success) return failure('Check the password.', { fieldErrors: fieldErrorsOf(parsed.error) });
  try {
    const user = await resetPassword(parsed.data.email, parsed.data.password, { actor });
    return { status: 'success', message: `New password set for ${user.email}; their sessions were ended.` };
  } catch (error) {
    return domainFailure(error);
  }
}
