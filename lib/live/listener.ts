import pg from 'pg';
import { LIVE_CHANNEL, parseLiveEvent, type LiveEvent } from './notify';

/**
 * One LISTEN connection per app instance, shared by every open stream. It is opened with the
 * first subscriber and kept; when it drops (database restart, network) it reconnects with
 * backoff and tells subscribers to resync, since notices sent meanwhile are lost.
 * State lives on globalThis: Next bundles routes separately.
 */

export type LiveSignal = LiveEvent | { kind: 'resync' };
type Subscriber = (signal: LiveSignal) => void;

type Listener = { subscribers: Set<Subscriber>; client: pg.Client | null; isConnecting: boolean; failures: number };

const globalForLive = globalThis as unknown as { casedeskLive?: Listener };
const MAX_BACKOFF_MS = 10_000;

function listener(): Listener {
  globalForLive.casedeskLive ??= { subscribers: new Set(), client: null, isConnecting: false, failures: 0 };
  return globalForLive.casedeskLive;
}

/** Calls `subscriber` for every change on any instance; returns the unsubscribe. */
export function subscribeLive(subscriber: Subscriber): () => void {
  const state = listener();
  state.subscribers.add(subscriber);
  if (!state.client && !state.isConnecting) void connect(state);
  return () => state.subscribers.delete(subscriber);
}

function broadcast(state: Listener, signal: LiveSignal) {
  for (const subscriber of state.subscribers) {
    try {
      subscriber(signal);
    } catch (error) {
      console.error('[live] subscriber failed', error);
    }
  }
}

async function connect(state: Listener): Promise<void> {
  state.isConnecting = true;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  client.on('notification', (message) => {
    if (message.channel !== LIVE_CHANNEL) return;
    const event = parseLiveEvent(message.payload);
    if (event) broadcast(state, event);
  });
  const dropped = () => {
    if (state.client !== client) return;
    state.client = null;
    client.end().catch(() => {});
    scheduleReconnect(state);
  };
  client.on('error', (error) => {
    console.error('[live] LISTEN connection lost:', error.message);
    dropped();
  });
  client.on('end', dropped);
  try {
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    const isReconnect = state.failures > 0;
    state.client = client;
    state.failures = 0;
    if (isReconnect) broadcast(state, { kind: 'resync' });
  } catch (error) {
    console.error('[live] cannot LISTEN:', error instanceof Error ? error.message : error);
    client.end().catch(() => {});
    scheduleReconnect(state);
  } finally {
    state.isConnecting = false;
  }
}

function scheduleReconnect(state: Listener) {
  state.failures += 1;
  const delay = Math.min(500 * 2 ** Math.min(state.failures, 5), MAX_BACKOFF_MS);
  setTimeout(() => {
    if (!state.client && !state.isConnecting) void connect(state);
  }, delay).unref?.();
}
