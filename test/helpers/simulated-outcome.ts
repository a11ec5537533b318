import { expect } from 'vitest';
import { finalState } from '@/lib/simulator/dto';
import type { Simulation } from '@/lib/simulator/generate';
import type { dumpDomain } from './webhooks';

type Dump = Awaited<ReturnType<typeof dumpDomain>>;

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * What the domain tables must hold once a simulation's whole stream is applied (in any order,
 * with any duplicates), worked out from the simulator's own steps for each case and never by
 * the applier under test: a wrong applier cannot agree with itself here.
 */
export function simulatedOutcome(simulation: Simulation) {
  const cases = simulation.cases.map((simCase) => ({ simCase, end: finalState(simCase) }));
  return {
    cases: cases
      .map(({ simCase, end }) => ({
        reference: simCase.reference,
        state: end.lifecycle,
        close_code: end.closeCode,
        paid_minor: String(end.paidMinor),
        is_test: simCase.isTest,
        // A case assigned without its detail has no currency until the detail is read.
        currency: simCase.isDetailOmitted ? null : simCase.currency,
      }))
      .sort(byKey((row) => row.reference)),
    payments: cases
      .flatMap(({ simCase, end }) =>
        end.payments.map((payment) => ({
          reference: simCase.reference,
          debitura_payment_id: payment.id,
          amount_minor: String(payment.minor),
          currency: simCase.currency,
          is_deleted: payment.isDeleted,
        })),
      )
      .sort(byKey((row) => row.debitura_payment_id)),
    chat: simulation.cases
      .flatMap((simCase) =>
        simCase.steps.flatMap((step) =>
          step.kind === 'chat'
            ? [{ reference: simCase.reference, debitura_chat_id: step.chat.id, message: step.chat.message }]
            : [],
        ),
      )
      .sort(byKey((row) => row.debitura_chat_id)),
    // One timeline entry per event, whatever arrived twice.
    timelineEventIds: simulation.events.map((event) => event.id).sort(),
  };
}

/** Asserts `dump` holds exactly the simulated outcome (in the fields the simulator decides). */
export function expectSimulatedOutcome(dump: Dump, simulation: Simulation, label = 'outcome') {
  const expected = simulatedOutcome(simulation);
  expect([...dump.cases].sort(byKey((row) => row.reference)), `${label}: cases`).toMatchObject(expected.cases);
  expect([...dump.payments].sort(byKey((row) => row.debitura_payment_id)), `${label}: payments`).toMatchObject(
    expected.payments,
  );
  expect([...dump.chat].sort(byKey((row) => row.debitura_chat_id)), `${label}: chat`).toMatchObject(expected.chat);
  expect(dump.timeline.map((row) => row.event_id as string).sort(), `${label}: timeline`).toEqual(
    expected.timelineEventIds,
  );
}
