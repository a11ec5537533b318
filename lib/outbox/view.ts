import type { ActionErrorCode, ActionKind, ActionStatus } from './kinds';

/**
 * An action as the case page, the admin outbox page and the JSON API show it (plain JSON, ISO
 * times). `error` is Debitura's own message when it refused, for the person to act on.
 */
export type ActionView = {
  id: string;
  kind: ActionKind;
  status: ActionStatus;
  error?: string;
  errorCode?: ActionErrorCode;
  payload: unknown;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  confirmedAt: string | null;
  nextAttemptAt: string | null;
  actorId: string | null;
  /** Debitura's warnings[] on a payment, shown as they came. */
  warnings: string[];
};

export const ACTION_VIEW_SELECT = {
  id: true,
  kind: true,
  status: true,
  lastError: true,
  errorCode: true,
  payload: true,
  attempts: true,
  createdAt: true,
  sentAt: true,
  confirmedAt: true,
  nextAttemptAt: true,
  actorId: true,
  response: true,
} as const;

type ActionRow = {
  id: string;
  kind: string;
  status: string;
  lastError: string | null;
  errorCode: string | null;
  payload: unknown;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  confirmedAt: Date | null;
  nextAttemptAt: Date | null;
  actorId: string | null;
  response: unknown;
};

export function toActionView(row: ActionRow): ActionView {
  const view: ActionView = {
    id: row.id,
    kind: row.kind as ActionKind,
    status: row.status as ActionStatus,
    payload: row.payload,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    actorId: row.actorId,
    warnings: warningsOf(row.response),
  };
  // A pending action's last error is a passing one (it is being retried); only a failed one has an error.
  if (row.status === 'failed' && row.lastError) view.error = row.lastError;
  if (row.status === 'failed' && row.errorCode) view.errorCode = row.errorCode as ActionErrorCode;
  return view;
}

function warningsOf(response: unknown): string[] {
  const warnings = (response as { warnings?: unknown } | null)?.warnings;
  if (!Array.isArray(warnings)) return [];
  return warnings.flatMap((warning) =>
    typeof warning === 'string'
      ? [warning]
      : typeof (warning as { message?: unknown })?.message === 'string'
        ? [(warning as { message: string }).message]
        : [],
  );
}
