import { caseDetail } from '@/lib/simulator/dto';
import type { InvoiceDto } from '@/lib/simulator/generate';
import { generateSimulation } from '@/lib/simulator/generate';
import { signatureHeader } from '@/lib/webhooks/signature';
import type { LoadRequest } from './load';

/**
 * Fresh signed webhook deliveries for the ingest bench: generated case lives from the
 * simulator, a new seed per batch so every event id (and case, payment, chat id) is new.
 * Bodies are serialised ahead of time; only the signature is made at send time, because
 * it carries the delivery time.
 */

const CASES_PER_BATCH = 250;

export type EventSource = {
  /** Make sure at least `count` unsent events are ready (generation is slow; do it between points). */
  prepare: (count: number) => void;
  next: (path: string) => LoadRequest;
  remaining: () => number;
  /** Deliveries handed out while the buffer was empty (generated on the hot path). */
  starved: () => number;
};

export function createEventSource(options: {
  secret: string;
  seedBase: number;
  onCases?: (details: InvoiceDto[]) => void;
}): EventSource {
  const buffer: { body: Buffer; event: string; isTest: boolean }[] = [];
  let head = 0;
  let batch = 0;
  let starved = 0;
  const generate = () => {
    const simulation = generateSimulation({
      cases: CASES_PER_BATCH,
      seed: options.seedBase + batch++,
      until: new Date(),
      test: 0.05,
    });
    options.onCases?.(simulation.cases.map(caseDetail));
    for (const envelope of simulation.events) {
      buffer.push({
        body: Buffer.from(JSON.stringify(envelope)),
        event: envelope.event,
        isTest: envelope.data.classification === 'test',
      });
    }
  };
  return {
    prepare: (count) => {
      if (head > 50_000) {
        buffer.splice(0, head);
        head = 0;
      }
      while (buffer.length - head < count) generate();
    },
    next: (path) => {
      if (head >= buffer.length) {
        starved++;
        generate();
      }
      const { body, event, isTest } = buffer[head++];
      const t = Math.floor(Date.now() / 1000);
      return {
        method: 'POST',
        path,
        body,
        headers: {
          'Content-Type': 'application/json',
          'X-Debitura-Signature': signatureHeader(options.secret, body, t),
          'X-Debitura-Timestamp': String(t),
          'X-Debitura-Event': event,
          ...(isTest ? { 'X-Debitura-Test': 'true' } : {}),
        },
      };
    },
    remaining: () => buffer.length - head,
    starved: () => starved,
  };
}
