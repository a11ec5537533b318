'use server';

import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/session';
import type { FormState } from '../form-state';
import { readerAdminT, type AdminT } from '../messages';
import { createTokenFromForm, revokeTokenFromForm } from '../token-admin';
import { changeRoleFromForm, createUserFromForm, resetPasswordFromForm, setDisabledFromForm } from '../user-admin';

/**
 * Server actions for /admin/users and /admin/tokens. Each checks the permission on the
 * server (an action is a public endpoint whatever page shows it), then hands the form to
 * the operation, which validates, changes and audits.
 */

type Operation = (formData: FormData, actor: { id: string; email: string }, t: AdminT) => Promise<FormState>;

async function run(
  operation: Operation,
  formData: FormData,
  path: string,
  permission: 'users:manage' | 'tokens:manage-all' = 'users:manage',
): Promise<FormState> {
  const actor = await requirePermission(permission);
  const state = await operation(formData, actor, await readerAdminT());
  if (state.status === 'success') revalidatePath(path);
  return state;
}

export async function createUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(createUserFromForm, formData, '/admin/users');
}

export async function changeRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(changeRoleFromForm, formData, '/admin/users');
}

export async function setDisabledAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(setDisabledFromForm, formData, '/admin/users');
}

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(resetPasswordFromForm, formData, '/admin/users');
}

export async function createTokenAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(createTokenFromForm, formData, '/admin/tokens', 'tokens:manage-all');
}

export async function revokeTokenAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(revokeTokenFromForm, formData, '/admin/tokens', 'tokens:manage-all');
}
