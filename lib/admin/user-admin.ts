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
import { englishAdminT, type AdminT } from './messages';

/**
 * The users page's operations, from a submitted form to a FormState. lib/users/users.ts
 * does the work and writes the audit entry (with the acting admin) in the same
 * transaction; this module validates the form and guards the admin against locking
 * themselves out. The server actions (lib/admin/actions/users.ts) add the permission check.
 */

function schemas(t: AdminT) {
  const password = z
    .string()
    .min(PASSWORD_MIN_LENGTH, t('admin.messages.field.passwordTooShort', { min: PASSWORD_MIN_LENGTH }))
    .max(PASSWORD_MAX_LENGTH, t('admin.messages.field.passwordTooLong', { max: PASSWORD_MAX_LENGTH }));
  const role = z.enum(ROLES, { error: t('admin.messages.field.chooseRole') });
  const email = z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email(t('admin.messages.field.email')));
  return {
    password,
    role,
    create: z.object({
      email,
      name: z
        .string()
        .trim()
        .min(1, t('admin.messages.field.nameMissing'))
        .max(100, t('admin.messages.field.tooLong', { max: 100 })),
      role,
      password,
    }),
    target: z.object({ email }),
  };
}

export type Actor = AuditActor & { role?: string };

function entries(formData: FormData): Record<string, FormDataEntryValue> {
  return Object.fromEntries(formData.entries());
}

function domainFailure(error: unknown, t: AdminT, values?: Record<string, string>): FormState {
  if (error instanceof DuplicateEmailError) {
    const message = t('admin.messages.users.duplicateEmail', { email: error.email });
    return failure(message, { fieldErrors: { email: message }, values });
  }
  if (error instanceof UserNotFoundError)
    return failure(t('admin.messages.users.notFound', { email: error.email }), { values });
  // Checked by the form's schema first, so its English text is rarely seen.
  if (error instanceof InvalidUserInputError) return failure(error.message, { values });
  throw error;
}

export async function createUserFromForm(formData: FormData, actor: Actor, t = englishAdminT()): Promise<FormState> {
  const values = formValues(formData, ['password']);
  const parsed = schemas(t).create.safeParse(entries(formData));
  if (!parsed.success)
    return failure(t('admin.messages.checkFields'), { fieldErrors: fieldErrorsOf(parsed.error), values });
  try {
    const user = await createUser(parsed.data, { actor });
    return {
      status: 'success',
      message: t('admin.messages.users.created', { email: user.email, role: t(`common.role.${user.role}`) }),
    };
  } catch (error) {
    return domainFailure(error, t, values);
  }
}

function isSelf(actor: Actor, targetEmail: string): boolean {
  return actor.email.toLowerCase() === targetEmail;
}

export async function changeRoleFromForm(formData: FormData, actor: Actor, t = englishAdminT()): Promise<FormState> {
  const { target, role } = schemas(t);
  const parsed = target.extend({ role }).safeParse(entries(formData));
  if (!parsed.success) return failure(Object.values(fieldErrorsOf(parsed.error))[0]);
  if (isSelf(actor, parsed.data.email)) return failure(t('admin.messages.users.ownRole'));
  try {
    const user = await setUserRole(parsed.data.email, parsed.data.role, { actor });
    return {
      status: 'success',
      message: t('admin.messages.users.roleChanged', { email: user.email, role: t(`common.role.${user.role}`) }),
    };
  } catch (error) {
    return domainFailure(error, t);
  }
}

export async function setDisabledFromForm(formData: FormData, actor: Actor, t = englishAdminT()): Promise<FormState> {
  const parsed = schemas(t)
    .target.extend({ disabled: z.enum(['true', 'false']) })
    .safeParse(entries(formData));
  if (!parsed.success) return failure(Object.values(fieldErrorsOf(parsed.error))[0]);
  const disabled = parsed.data.disabled === 'true';
  if (disabled && isSelf(actor, parsed.data.email)) return failure(t('admin.messages.users.ownDisable'));
  try {
    const user = await setUserDisabled(parsed.data.email, disabled, { actor });
    return {
      status: 'success',
      message: t(disabled ? 'admin.messages.users.disabled' : 'admin.messages.users.enabled', { email: user.email }),
    };
  } catch (error) {
    return domainFailure(error, t);
  }
}

export async function resetPasswordFromForm(formData: FormData, actor: Actor, t = englishAdminT()): Promise<FormState> {
  const { target, password } = schemas(t);
  const parsed = target.extend({ password }).safeParse(entries(formData));
  if (!parsed.success)
    return failure(t('admin.messages.users.checkPassword'), { fieldErrors: fieldErrorsOf(parsed.error) });
  try {
    const user = await resetPassword(parsed.data.email, parsed.data.password, { actor });
    return { status: 'success', message: t('admin.messages.users.passwordReset', { email: user.email }) };
  } catch (error) {
    return domainFailure(error, t);
  }
}
