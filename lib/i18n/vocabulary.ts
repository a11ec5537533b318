import { normalizeCloseCode, type CloseCode, type CloseCodeGroup } from '@/lib/cases/close-codes';
import { normalizeEngagementPhase, type EngagementPhase } from '@/lib/cases/engagement-phases';
import { normalizeLifecycle, type LifecycleState } from '@/lib/cases/lifecycle';
import { normalizeRecipient, type PaymentRecipient } from '@/lib/payments/recipients';
import english from './messages/en/vocabulary.json';

/**
 * Debitura's words as people read them: each concept's values (lib/cases/lifecycle.ts,
 * close-codes.ts, engagement-phases.ts, lib/payments/recipients.ts) map to keys of the
 * `vocabulary` catalog here and nowhere else, so a close code reads the same on every page.
 * A value Casedesk does not know (one Debitura adds later) is shown as it came.
 */

export type VocabularyKey =
  | `lifecycle.${LifecycleState | 'unknown'}`
  | `closeCode.${CloseCode}.${'label' | 'meaning'}`
  | 'closeCode.unknown.meaning'
  | `closeCodeGroup.${CloseCodeGroup}`
  | `phase.${EngagementPhase | 'none'}`
  | `recipient.${PaymentRecipient}`;

/** `getTranslations('vocabulary')` / `useTranslations('vocabulary')`, or `englishVocabulary`. */
export type VocabularyTranslator = (key: VocabularyKey) => string;

export function lifecycleLabel(t: VocabularyTranslator, state: string | null | undefined): string {
  if (!state) return t('lifecycle.unknown');
  const known = normalizeLifecycle(state);
  return known ? t(`lifecycle.${known}`) : state;
}

export function closeCodeLabel(t: VocabularyTranslator, code: string): string {
  const known = normalizeCloseCode(code);
  return known ? t(`closeCode.${known}.label`) : code;
}

export function closeCodeMeaning(t: VocabularyTranslator, code: string): string {
  const known = normalizeCloseCode(code);
  return known ? t(`closeCode.${known}.meaning`) : t('closeCode.unknown.meaning');
}

export function closeCodeGroupLabel(t: VocabularyTranslator, group: CloseCodeGroup): string {
  return t(`closeCodeGroup.${group}`);
}

/** A case with no phase yet has not started collection. */
export function phaseLabel(t: VocabularyTranslator, phase: string | null | undefined): string {
  if (!phase) return t('phase.none');
  const known = normalizeEngagementPhase(phase);
  return known ? t(`phase.${known}`) : phase;
}

/** Null when the payment names no recipient, so the caller shows its own placeholder. */
export function recipientLabel(t: VocabularyTranslator, recipient: string | null | undefined): string | null {
  if (!recipient) return null;
  const known = normalizeRecipient(recipient);
  return known ? t(`recipient.${known}`) : recipient;
}

/**
 * The English catalog as a translator, for text built outside a request's locale (logs, the
 * JSON API's English answers) and for pages not yet moved to next-intl.
 */
export const englishVocabulary: VocabularyTranslator = (key) => {
  let node: unknown = english;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`vocabulary catalog has no "${key}"`);
  return node;
};
