'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { LIVE_KINDS } from '@/lib/live/notify';

const STREAM_URL = '/api/v1/stream';
const POLL_MS = 15_000;
const DEBOUNCE_MS = 300;

type Mode = 'live' | 'connecting' | 'polling';

/**
 * Keeps a server-rendered page fresh: listens to the live stream (Server-Sent Events, which
 * reconnect by themselves) and re-renders the page when a change concerns it (any case, or
 * only `reference`). When the stream cannot be opened, it polls instead. The status is
 * announced politely, and said in words, not only a coloured dot.
 */
export function LiveRefresh({ reference }: { reference?: string }) {
  const t = useTranslations('queue.live');
  const router = useRouter();
  const [mode, setMode] = useState<Mode>('connecting');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const refresh = () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => router.refresh(), DEBOUNCE_MS);
    };
    let poll: ReturnType<typeof setInterval> | undefined;
    const startPolling = () => {
      setMode('polling');
      poll ??= setInterval(refresh, POLL_MS);
    };
    if (typeof EventSource === 'undefined') {
      startPolling();
      return () => clearInterval(poll);
    }
    const source = new EventSource(STREAM_URL);
    let failures = 0;
    source.onopen = () => {
      failures = 0;
      clearInterval(poll);
      poll = undefined;
      setMode('live');
      // What changed between the page's render (or the last connection) and this one was told
      // to nobody: render once more to catch it.
      refresh();
    };
    source.onerror = () => {
      failures += 1;
      // The browser retries on its own; after a few misses, poll meanwhile.
      if (failures >= 3 || source.readyState === EventSource.CLOSED) startPolling();
      else setMode('connecting');
    };
    const onChange = (event: MessageEvent<string>) => {
      try {
        const data = JSON.parse(event.data) as { kind: string; reference?: string };
        if (!reference || data.kind === 'resync' || data.reference === reference) refresh();
      } catch {
        refresh();
      }
    };
    // Every kind of change, and the stream's own "you may have missed some" after it reconnects.
    for (const kind of [...LIVE_KINDS, 'resync']) source.addEventListener(kind, onChange);
    return () => {
      source.close();
      clearInterval(poll);
      clearTimeout(timer.current);
    };
  }, [reference, router]);

  return (
    <p role="status" aria-live="polite" className="flex items-center gap-1.5 text-xs text-slate-500" data-live={mode}>
      <span
        aria-hidden="true"
        className={`inline-block h-2 w-2 rounded-full ${mode === 'live' ? 'bg-green-600' : 'bg-amber-500'}`}
      />
      {t(mode)}
    </p>
  );
}
