import { planCase, totalClaimMinor, type SimCase, type TimedStep } from './case-life';
import { caseDetail, caseFields, isoSeconds, toMajor, type InvoiceDto } from './dto';
import { CLOSE_CODE_DISPLAY } from './messages';
import { makeCreditors, makeStaff, seedFakers } from './parties';
import { createRandom, type Random } from './random';

/**
 * Realistic Debitura case lives as webhook envelopes (docs/debitura.md "Envelope", "The six events"),
 * deterministic for a seed: the same seed gives the same events, ids and bytes.
 */

export type WebhookEnvelope = {
  id: string;
  specVersion: '1.0';
  event: string;
  timestamp: string;
  data: Record<string, unknown>;
  links?: Record<string, string>;
};

export type GenerateOptions = {
  cases: number;
  seed: number;
  /** true: every case is a test case; a number in 0..1: that share of the cases. */
  test?: boolean | number;
  /** The simulation's "now": no event is later. Default: a fixed instant, so output depends on the seed only. */
  until?: Date;
};

export type Simulation = { options: GenerateOptions; cases: SimCase[]; events: WebhookEnvelope[] };

export const DEFAULT_UNTIL = new Date('2026-11-25T00:00:00Z');
export const API_BASE = 'https://collectionpartner-api.debitura.com';

export function generateSimulation(options: GenerateOptions): Simulation {
  const random = createRandom(options.seed);
  seedFakers(options.seed);
  const until = options.until ?? DEFAULT_UNTIL;
  const people = {
    partnerStaff: makeStaff(random, 3, 'agency.example'),
    debituraStaff: makeStaff(random, 2, 'debitura.example'),
  };
  const creditors = makeCreditors(random, Math.max(3, Math.min(40, Math.ceil(options.cases / 6))));
  const testShare = options.test === true ? 1 : typeof options.test === 'number' ? options.test : 0;
  const references = new Set<string>();
  const cases: SimCase[] = [];
  for (let index = 0; index < options.cases; index++) {
    let reference = random.code(8);
    while (references.has(reference)) reference = random.code(8);
    references.add(reference);
    const isTest = testShare >= 1 || (testShare > 0 && random.chance(testShare));
    cases.push(planCase({ random, index, reference, creditor: random.weighted(creditors), people, isTest, until }));
  }
  const events = cases.flatMap((simCase) => simCase.steps.map((step) => toEnvelope(random, simCase, step)));
  // Stable sort: a case's own steps already have strictly increasing times.
  events.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  return { options, cases, events };
}

export function generateEvents(options: GenerateOptions): WebhookEnvelope[] {
  return generateSimulation(options).events;
}

function stepData(random: Random, simCase: SimCase, step: TimedStep): [string, Record<string, unknown>] {
  const base = { reference: simCase.reference, caseId: simCase.caseId };
  switch (step.kind) {
    case 'assigned': {
      const detail = simCase.isDetailOmitted
        ? {}
        : { ...caseFields(simCase), remainder: toMajor(totalClaimMinor(simCase), simCase.currency) };
      return ['case.assigned', { ...base, lifecycle: step.lifecycle, ...detail }];
    }
    case 'updated':
      return ['case.updated', { ...base, oldLifecycle: step.from, newLifecycle: step.to }];
    case 'payment':
      return [
        'payment.created',
        {
          ...base,
          paymentId: step.payment.id,
          amount: toMajor(step.payment.minor, simCase.currency),
          currency: simCase.currency,
          date: isoSeconds(step.payment.date ?? step.at),
          recipient: step.payment.recipient,
          method: step.payment.method,
        },
      ];
    case 'paymentDeleted':
      return ['payment.deleted', { ...base, paymentId: step.payment.id }];
    case 'chat':
      return [
        'chat.created',
        {
          ...base,
          chatId: step.chat.id,
          message: step.chat.message,
          dateCreated: isoSeconds(step.at),
          roleLabel: step.chat.roleLabel,
          user: { firstName: step.chat.user.firstName, lastName: step.chat.user.lastName, email: step.chat.user.email },
        },
      ];
    case 'closed': {
      // Some closings carry the display form ("Partially paid") that the app must normalise.
      const closeCode = random.chance(0.25) ? CLOSE_CODE_DISPLAY[step.closeCode] : step.closeCode;
      return ['case.closed', { ...base, closeCode, comment: step.comment }];
    }
  }
}

function toEnvelope(random: Random, simCase: SimCase, step: TimedStep): WebhookEnvelope {
  const [event, fields] = stepData(random, simCase, step);
  const data = simCase.isTest ? { ...fields, classification: 'test' } : fields;
  return {
    id: random.uuid(),
    specVersion: '1.0',
    event,
    timestamp: isoSeconds(step.at),
    // The guides show both key styles; a few events use PascalCase to keep the parser honest.
    data: random.chance(0.08) ? pascalKeys(data) : data,
    links: { self: `${API_BASE}/cases/${simCase.caseId}` },
  };
}

export function pascalKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key.charAt(0).toUpperCase() + key.slice(1),
      inner && typeof inner === 'object' && !Array.isArray(inner)
        ? pascalKeys(inner as Record<string, unknown>)
        : inner,
    ]),
  );
}

/** True when the envelope belongs to a test case (docs/debitura.md "Envelope": a test classification). */
export function isTestEnvelope(envelope: WebhookEnvelope): boolean {
  return (envelope.data.classification ?? envelope.data.Classification) === 'test';
}

const simulations = new Map<string, Simulation>();

/**
 * The API's case detail (InvoiceDto) for a generated reference, as the case stands after
 * all its events. Null when the options did not generate that reference.
 */
export function generateCaseDetail(reference: string, options: GenerateOptions): InvoiceDto | null {
  const key = JSON.stringify({ ...options, until: options.until?.toISOString() });
  let simulation = simulations.get(key);
  if (!simulation) {
    simulation = generateSimulation(options);
    simulations.set(key, simulation);
  }
  const simCase = simulation.cases.find((candidate) => candidate.reference === reference);
  return simCase ? caseDetail(simCase) : null;
}

export type { SimCase } from './case-life';
export { caseDetail, isoSeconds, toMajor, type InvoiceDto } from './dto';
