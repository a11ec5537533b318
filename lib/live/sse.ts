import { canViewCase, type Viewer } from '@/lib/cases/visibility';
import { subscribeLive, type LiveSignal } from './listener';

/**
 * A Server-Sent Events stream of case changes for one viewer: `event: <kind>` with
 * `data: {"kind", "reference"}`, only for cases the viewer may see (an assignment goes to
 * everyone, since it may take a case away from someone). `resync` means "notices may have
 * been lost: read again". A comment every 20 s keeps proxies from closing an idle stream.
 */

const HEARTBEAT_MS = 20_000;
const RETRY_MS = 3_000;

export function isVisibleTo(viewer: Viewer, signal: LiveSignal): boolean {
  if (signal.kind === 'resync' || signal.kind === 'case.assigned') return true;
  return canViewCase(viewer, signal.assigneeId);
}

export function liveEventStream(viewer: Viewer, abort: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      send(`retry: ${RETRY_MS}\n: connected\n\n`);
      const unsubscribe = subscribeLive((signal) => {
        if (!isVisibleTo(viewer, signal)) return;
        const data = signal.kind === 'resync' ? { kind: 'resync' } : { kind: signal.kind, reference: signal.reference };
        send(`event: ${signal.kind}\ndata: ${JSON.stringify(data)}\n\n`);
      });
      const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      abort.addEventListener('abort', () => cleanup(), { once: true });
    },
    cancel() {
      cleanup();
    },
  });
}
