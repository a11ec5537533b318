import { z } from 'zod';
import { recordAudit, type AuditActor } from '@/lib/audit/audit';
import { hashPassword, passwordProblem } from '@/lib/auth/password';
import { isRole, ROLES, type Role } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

/**
 * Managing people: used by the admin CLI (and any admin page). Emails are stored
 * lowercased; every change that should end existing sessions bumps `sessionVersion`.
 */

export class UserNotFoundError extends Error {
  constructor(readonly email: string) {
    super(`No user with the email ${email}.`);
    this.name = 'UserNotFoundError';
  }
}

export class DuplicateEmailError extends Error {
  constructor(readonly email: string) {
    super(`A user with the email ${email} already exists.`);
    this.name = 'DuplicateEmailError';
  }
}

export class InvalidUserInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidUserInputError';
  }
}

export type UserSummary = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: Date | null;
  createdAt: Date;
};

type Options = { actor?: AuditActor | null };

const summarySelect = { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true } as const;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const emailSchema = z.email();

function validEmail(email: string): string {
  const normalized = normalizeEmail(email);
  if (!emailSchema.safeParse(normalized).success)
    throw new InvalidUserInputError(`"${email}" is not an email address.`);
  return normalized;
}

function validRole(role: string): Role {
  if (!isRole(role)) throw new InvalidUserInputError(`Unknown role "${role}": use one of ${ROLES.join(', ')}.`);
  return role;
}

function validPassword(password: string): string {
  const problem = passwordProblem(password);
  if (problem) throw new InvalidUserInputError(problem);
  return password;
}

function toSummary(row: {
  id: string;
  email: string;
  name: string;
  role: string;
  disabledAt: Date | null;
  createdAt: Date;
}): UserSummary {
  return { ...row, role: validRole(row.role) };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

function isMissingRecord(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
}

/** Without a password the user can only sign in through SSO (when configured). */
export async function createUser(
  input: { email: string; name: string; role: string; password?: string },
  options: Options = {},
): Promise<UserSummary> {
  const email = validEmail(input.email);
  const name = input.name.trim();
  if (!name) throw new InvalidUserInputError('A name is required.');
  const role = validRole(input.role);
  const passwordHash = input.password === undefined ? null : await hashPassword(validPassword(input.password));
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email, name, role, passwordHash }, select: summarySelect });
      await recordAudit(
        {
          actor: options.actor,
          action: 'user.created',
          targetType: 'user',
          targetId: user.id,
          detail: { email, role, hasPassword: !!passwordHash },
        },
        tx,
      );
      return toSummary(user);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateEmailError(email);
    throw error;
  }
}

export async function listUsers(): Promise<UserSummary[]> {
  const rows = await db.user.findMany({ select: summarySelect, orderBy: { email: 'asc' } });
  return rows.map(toSummary);
}

export async function findUserByEmail(email: string): Promise<UserSummary | null> {
  const row = await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: summarySelect });
  return row ? toSummary(row) : null;
}

async function updateUser(
  email: string,
  data: Prisma.UserUpdateInput,
  audit: { action: string; detail?: Record<string, unknown> },
  options: Options,
): Promise<UserSummary> {
  const normalized = normalizeEmail(email);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.update({
        where: { email: normalized },
        data: { ...data, sessionVersion: { increment: 1 } },
        select: summarySelect,
      });
      await recordAudit(
        {
          actor: options.actor,
          action: audit.action,
          targetType: 'user',
          targetId: user.id,
          detail: { email: normalized, ...audit.detail },
        },
        tx,
      );
      return toSummary(user);
    });
  } catch (error) {
    if (isMissingRecord(error)) throw new UserNotFoundError(normalized);
    throw error;
  }
}

/** Disabling also ends the user's sessions; API tokens stop working while disabled. */
export function setUserDisabled(email: string, disabled: boolean, options: Options = {}): Promise<UserSummary> {
  return updateUser(
    email,
    { disabledAt: disabled ? new Date() : null },
    { action: disabled ? 'user.disabled' : 'user.enabled' },
    options,
  );
}

export function setUserRole(email: string, role: string, options: Options = {}): Promise<UserSummary> {
  const valid = validRole(role);
  return updateUser(email, { role: valid }, { action: 'user.role_changed', detail: { role: valid } }, options);
}

export async function resetPassword(email: string, password: string, options: Options = {}): Promise<UserSummary> {
  const passwordHash = await hashPassword(validPassword(password));
  return updateUser(email, { passwordHash }, { action: 'user.password_reset' }, options);
}
