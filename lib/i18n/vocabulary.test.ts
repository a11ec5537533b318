import { describe, expect, it } from 'vitest';
import { CLOSE_CODE_GROUPS, CLOSE_CODES, normalizeCloseCode } from '@/lib/cases/close-codes';
import { ENGAGEMENT_PHASES, normalizeEngagementPhase } from '@/lib/cases/engagement-phases';
import { LIFECYCLE_STATES, normalizeLifecycle } from '@/lib/cases/lifecycle';
import { normalizeRecipient, PAYMENT_RECIPIENTS } from '@/lib/payments/recipients';
import da from './messages/da/vocabulary.json';
import de from './messages/de/vocabulary.json';
import en from './messages/en/vocabulary.json';
import {
  closeCodeGroupLabel,
  closeCodeLabel,
  closeCodeMeaning,
  englishVocabulary as t,
  lifecycleLabel,
  phaseLabel,
  recipientLabel,
} from './vocabulary';

const CATALOGS = { en, de, da };

// What each concept module names, written out independently of vocabulary.ts's own key mapping.
const expectedKeys = [
  ...LIFECYCLE_STATES.map((state) => `lifecycle.${state}`),
  'lifecycle.unknown',
  ...CLOSE_CODES.flatMap((info) => [`closeCode.${info.code}.label`, `closeCode.${info.code}.meaning`]),
  'closeCode.unknown.meaning',
  ...CLOSE_CODE_GROUPS.map((group) => `closeCodeGroup.${group}`),
  ...ENGAGEMENT_PHASES.map((phase) => `phase.${phase}`),
  'phase.none',
  ...PAYMENT_RECIPIENTS.map((recipient) => `recipient.${recipient}`),
].sort();

function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (typeof node !== 'object' || node === null) return [[prefix, node]];
  return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

describe('the vocabulary catalog', () => {
  it.each(Object.entries(CATALOGS))('%s names every value of every concept, and nothing else', (_, catalog) => {
    const entries = leaves(catalog);
    expect(entries.map(([key]) => key).sort()).toEqual(expectedKeys);
    for (const [key, value] of entries) expect(value, key).toMatch(/\S/);
  });

  it('is translated, not copied: German and Danish differ from English for most labels', () => {
    const english = new Map(leaves(en));
    for (const catalog of [de, da]) {
      const same = leaves(catalog).filter(([key, value]) => english.get(key) === value);
      // "System", "Debitura" and the like may stay the same; whole sentences may not.
      expect(same.length).toBeLessThan(6);
      for (const [key] of same) expect(key, key).not.toMatch(/meaning$/);
    }
  });

  it('uses English labels that Debitura spells the same way, so they read back as their value', () => {
    for (const state of LIFECYCLE_STATES) expect(normalizeLifecycle(en.lifecycle[state])).toBe(state);
    for (const { code } of CLOSE_CODES) expect(normalizeCloseCode(en.closeCode[code].label)).toBe(code);
    for (const phase of ENGAGEMENT_PHASES) expect(normalizeEngagementPhase(en.phase[phase])).toBe(phase);
    for (const recipient of PAYMENT_RECIPIENTS) expect(normalizeRecipient(en.recipient[recipient])).toBe(recipient);
  });
});

describe('labels', () => {
  it('reads any spelling of a known value through the catalog', () => {
    expect(lifecycleLabel(t, 'NeedsAdditionalDetails')).toBe('More info required');
    expect(lifecycleLabel(t, 'pending verification')).toBe('Pending verification');
    expect(closeCodeLabel(t, 'Partially paid')).toBe('Partially paid');
    expect(closeCodeLabel(t, 'DebtorInsolventBankrupt')).toBe('Debtor insolvent or bankrupt');
    expect(closeCodeMeaning(t, 'Paid')).toBe('Paid in full: the payments cover the outstanding amount.');
    expect(closeCodeGroupLabel(t, 'collection-exhausted')).toBe('Collection exhausted');
    expect(phaseLabel(t, 'PreLegal')).toBe('Pre-legal');
    expect(recipientLabel(t, 'CollectionPartner')).toBe('Agency');
  });

  it('shows a value Casedesk does not know as it came, and says when there is none', () => {
    expect(lifecycleLabel(t, 'Hibernating')).toBe('Hibernating');
    expect(lifecycleLabel(t, null)).toBe('Unknown');
    expect(closeCodeLabel(t, 'BrandNewCode')).toBe('BrandNewCode');
    expect(closeCodeMeaning(t, 'BrandNewCode')).toBe('A close code Casedesk does not know yet.');
    expect(phaseLabel(t, 'Appeal')).toBe('Appeal');
    expect(phaseLabel(t, null)).toBe('Not started');
    expect(recipientLabel(t, 'Debtor')).toBe('Debtor');
    expect(recipientLabel(t, null)).toBeNull();
  });

  it('reads the catalog of the translator it is given', () => {
    const german = (key: string) => leaves(de).find(([path]) => path === key)?.[1] as string;
    expect(lifecycleLabel(german, 'Active')).toBe('Aktiv');
    expect(closeCodeLabel(german, 'PartiallyPaid')).toBe('Teilweise bezahlt');
    expect(recipientLabel(german, 'Creditor')).toBe('Gläubiger');
  });

  it('fails loudly on a key the English catalog lacks', () => {
    expect(() => t('lifecycle.Nope' as never)).toThrow(/no "lifecycle.Nope"/);
  });
});
