import { currencyExponent } from '@/lib/money/currency';
import * as text from './messages';
import { makeDebtor, type SimCreditor, type SimCurrency, type SimDebtor, type SimUser } from './parties';
import type { Random } from './random';

/**
 * One case's life as a list of steps (assigned, state changes, payments, chat, closing),
 * planned first and given times afterwards so every life fits between its assignment and
 * the simulation's "now". Amounts are integer minor units here; events convert them.
 */

export type Lifecycle = 'PendingVerification' | 'Active' | 'Paused' | 'NeedsAdditionalDetails' | 'Closed';
export type Outcome = 'open' | 'paid' | 'partial' | 'failure';
export type ChatRole = 'Creditor' | 'Debitura' | 'Collection partner';

export type SimPayment = { id: string; minor: number; recipient: string; method: string; date?: Date };
export type SimChat = { id: string; message: string; roleLabel: ChatRole; user: SimUser };

export type Step =
  | { kind: 'assigned'; lifecycle: Lifecycle }
  | { kind: 'updated'; from: Lifecycle; to: Lifecycle }
  | { kind: 'payment'; payment: SimPayment }
  | { kind: 'paymentDeleted'; payment: SimPayment }
  | { kind: 'chat'; chat: SimChat }
  | { kind: 'closed'; closeCode: string; comment: string };

export type TimedStep = Step & { at: Date };

export type SimCase = {
  index: number;
  reference: string;
  caseId: string;
  creditorReference: string;
  isTest: boolean;
  /** The assignment carries no case detail: the app must fetch it from the API. */
  isDetailOmitted: boolean;
  currency: SimCurrency;
  grossMinor: number;
  fees: { interestMinor: number; reminderMinor: number; collectionMinor: number };
  debtor: SimDebtor;
  creditor: SimCreditor;
  engagementPhase: 'Pre-legal' | 'Legal' | 'Enforcement';
  dateCreated: Date;
  dueDate: Date;
  outcome: Outcome;
  steps: TimedStep[];
};

export type People = { partnerStaff: SimUser[]; debituraStaff: SimUser[] };

const FAILURE_CODES: readonly (readonly [string, number])[] = [
  ['DebtorInsolventBankrupt', 3],
  ['DebtorUntraceable', 3],
  ['PreLegalExhaustedNoPayment', 4],
  ['WithdrawnByClient', 3],
  ['UneconomicalToPursue', 2],
  ['StatuteOfLimitationsExpired', 1],
  ['DisputedLegalActionDeclinedByClient', 2],
  ['SettlementRejectedByClient', 1],
  ['UnresponsiveClient', 1],
  ['Other', 1],
];

const GROSS_MAJOR_RANGE: Record<SimCurrency, [number, number]> = {
  EUR: [150, 25_000],
  GBP: [120, 20_000],
  DKK: [1_000, 180_000],
  SEK: [1_500, 250_000],
  JPY: [20_000, 3_000_000],
  KWD: [40, 8_000],
};

const DAY = 86_400_000;

export function totalClaimMinor(simCase: Pick<SimCase, 'grossMinor' | 'fees'>): number {
  const { interestMinor, reminderMinor, collectionMinor } = simCase.fees;
  return simCase.grossMinor + interestMinor + reminderMinor + collectionMinor;
}

/** Splits `total` into `parts` positive integers. */
function split(random: Random, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + random.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const amounts = weights.slice(0, -1).map((weight) => Math.max(1, Math.floor((total * weight) / sum)));
  return [...amounts, total - amounts.reduce((a, b) => a + b, 0)];
}

export function planCase(input: {
  random: Random;
  index: number;
  reference: string;
  creditor: SimCreditor;
  people: People;
  isTest: boolean;
  until: Date;
}): SimCase {
  const { random, creditor, people } = input;
  const currency = creditor.currency;
  const unit = 10 ** currencyExponent(currency);
  const [low, high] = GROSS_MAJOR_RANGE[currency];
  const grossMinor = random.int(low * unit, high * unit);
  const percent = (min: number, max: number) => Math.round((grossMinor * random.int(min, max)) / 1000);
  const hasFees = random.chance(0.8);
  const fees = {
    interestMinor: hasFees ? percent(0, 80) : 0,
    reminderMinor: hasFees ? percent(0, 20) : 0,
    collectionMinor: hasFees ? percent(30, 120) : 0,
  };
  const outcome = random.weighted<Outcome>([
    ['open', 30],
    ['paid', 25],
    ['partial', 15],
    ['failure', 30],
  ]);
  const partner = () => random.pick(people.partnerStaff);
  const chat = (roleLabel: ChatRole, lines: readonly string[]): Step => {
    const user =
      roleLabel === 'Creditor'
        ? random.pick(creditor.staff)
        : roleLabel === 'Debitura'
          ? random.pick(people.debituraStaff)
          : partner();
    return { kind: 'chat', chat: { id: random.uuid(), message: random.pick(lines), roleLabel, user } };
  };
  const payment = (minor: number): SimPayment => ({
    id: random.uuid(),
    minor,
    recipient: random.weighted([
      ['CollectionPartner', 6],
      ['Creditor', 3],
      ['Platform', 1],
    ]),
    method: random.pick(
      currency === 'DKK'
        ? ['BankTransfer', 'MobilePay', 'Card']
        : currency === 'SEK'
          ? ['BankTransfer', 'Swish', 'Card']
          : ['BankTransfer', 'Card', 'DirectDebit'],
    ),
  });

  const steps: Step[] = [];
  const isPending = random.chance(0.12);
  steps.push({ kind: 'assigned', lifecycle: isPending ? 'PendingVerification' : 'Active' });
  if (isPending) steps.push({ kind: 'updated', from: 'PendingVerification', to: 'Active' });
  if (random.chance(0.45)) steps.push(chat('Collection partner', text.PARTNER_OPENING));

  // A detour that returns to Active; an open case may still be in it at the end.
  const endsInDetour = outcome === 'open' && random.chance(0.35);
  const detour =
    random.weighted<Lifecycle | null>([
      [null, 55],
      ['NeedsAdditionalDetails', 25],
      ['Paused', 20],
    ]) ?? (endsInDetour ? 'Paused' : null);
  const detourSteps = (state: Lifecycle, isReturning: boolean): Step[] => {
    const ask =
      state === 'Paused'
        ? chat('Creditor', text.CREDITOR_ASKS_PAUSE)
        : chat('Collection partner', text.PARTNER_ASKS_DETAILS);
    const reply =
      state === 'Paused'
        ? chat('Collection partner', text.PARTNER_RESUMES)
        : chat('Creditor', text.CREDITOR_SENDS_DETAILS);
    const into: Step[] =
      state === 'Paused'
        ? [ask, { kind: 'updated', from: 'Active', to: state }]
        : [{ kind: 'updated', from: 'Active', to: state }, ask];
    return isReturning ? [...into, reply, { kind: 'updated', from: state, to: 'Active' }] : into;
  };
  if (detour && !endsInDetour) steps.push(...detourSteps(detour, true));
  if (random.chance(0.3)) steps.push(chat('Creditor', text.CREDITOR_QUESTIONS));

  const claim = totalClaimMinor({ grossMinor, fees });
  let paidParts: number[] = [];
  if (outcome === 'paid') {
    const overpaid = random.chance(0.08) ? random.int(1, Math.max(1, Math.floor(claim / 20))) : 0;
    paidParts = split(random, claim + overpaid, random.int(1, 3));
  } else if (outcome === 'partial') {
    paidParts = split(random, Math.round((grossMinor * random.int(15, 80)) / 100), random.int(1, 2));
  } else if (outcome === 'open' && random.chance(0.4)) {
    paidParts = split(random, Math.round((grossMinor * random.int(10, 60)) / 100), random.int(1, 2));
  }
  if (paidParts.length > 1) steps.push(chat('Collection partner', text.PARTNER_PAYMENT_PLAN));
  const mistaken = random.chance(0.12) ? payment(random.int(1, Math.max(1, Math.floor(grossMinor / 4)))) : null;
  paidParts.forEach((minor, i) => {
    steps.push({ kind: 'payment', payment: payment(minor) });
    if (mistaken && i === 0)
      steps.push({ kind: 'payment', payment: mistaken }, { kind: 'paymentDeleted', payment: mistaken });
  });
  if (mistaken && !paidParts.length)
    steps.push({ kind: 'payment', payment: mistaken }, { kind: 'paymentDeleted', payment: mistaken });
  if (random.chance(0.1)) steps.push(chat('Debitura', text.DEBITURA_NOTES));

  if (outcome !== 'open') {
    const closeCode =
      outcome === 'paid' ? 'Paid' : outcome === 'partial' ? 'PartiallyPaid' : random.weighted(FAILURE_CODES);
    steps.push({ kind: 'closed', closeCode, comment: random.pick(text.CLOSE_COMMENTS[closeCode]) });
  } else if (detour && endsInDetour) {
    steps.push(...detourSteps(detour, false));
  }

  const spanDays = random.int(outcome === 'open' ? 3 : 20, 170);
  const assignedAt = new Date(input.until.getTime() - spanDays * DAY - random.int(0, DAY / 1000) * 1000);
  const dateCreated = new Date(assignedAt.getTime() - random.int(40, 200) * DAY);
  const timed = assignTimes(random, steps, assignedAt, input.until, outcome === 'open' ? 0.95 : 1);
  for (const step of timed)
    if (step.kind === 'payment')
      step.payment.date = new Date(Math.floor((step.at.getTime() - random.int(0, 2) * DAY) / DAY) * DAY);

  return {
    index: input.index,
    reference: input.reference,
    caseId: random.uuid(),
    creditorReference: `INV-${random.int(10_000, 999_999)}`,
    isTest: input.isTest,
    isDetailOmitted: random.chance(0.2),
    currency,
    grossMinor,
    fees,
    debtor: makeDebtor(random, creditor.region),
    creditor,
    engagementPhase: random.weighted([
      ['Pre-legal', 7],
      ['Legal', 2],
      ['Enforcement', 1],
    ] as const),
    dateCreated,
    dueDate: new Date(dateCreated.getTime() + random.pick([14, 30]) * DAY),
    outcome,
    steps: timed,
  };
}

/** Spreads the steps over [start, until), strictly increasing, whole seconds. */
function assignTimes(random: Random, steps: Step[], start: Date, until: Date, share: number): TimedStep[] {
  const weights = steps.map((_, i) => (i === 0 ? 0 : 0.2 + random.next()));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const span = (until.getTime() - start.getTime() - 3_600_000) * share * (0.5 + random.next() / 2);
  let elapsed = 0;
  let previous = -Infinity;
  return steps.map((step, i) => {
    elapsed += weights[i];
    const at = Math.max(previous + 60_000, Math.floor((start.getTime() + (span * elapsed) / total) / 1000) * 1000);
    previous = at;
    return { ...step, at: new Date(at) };
  });
}
