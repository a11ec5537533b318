import { enumNormalizer } from '@/lib/validation/enum-names';

/**
 * Engagement phases of a case (`currentEngagementPhase`), in the order a case goes through
 * them. Debitura writes them as names or display forms ("Pre-legal"); labels are in the
 * `vocabulary` catalog (`phase.<Phase>`).
 */

export const ENGAGEMENT_PHASES = ['PreLegal', 'Legal', 'Enforcement'] as const;

export type EngagementPhase = (typeof ENGAGEMENT_PHASES)[number];

export function isEngagementPhase(value: unknown): value is EngagementPhase {
  return typeof value === 'string' && (ENGAGEMENT_PHASES as readonly string[]).includes(value);
}

/** The API name for a phase in any spelling ("Pre-legal", "PRELEGAL"), or null if unknown. */
export const normalizeEngagementPhase = enumNormalizer(ENGAGEMENT_PHASES);
