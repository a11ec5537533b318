'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

const EVERY_MS = 2_000;

/**
 * Re-renders the page from the server every 2 s while something on it is on its way, and once
 * more when it has all arrived: the panels of one render are read by separate queries, so the
 * render that first sees the end may have read another panel a moment before it.
 */
export function RefreshWhile({ isActive }: { isActive: boolean }) {
  const router = useRouter();
  const wasActive = useRef(isActive);
  useEffect(() => {
    if (wasActive.current && !isActive) router.refresh();
    wasActive.current = isActive;
    if (!isActive) return;
    const timer = setInterval(() => router.refresh(), EVERY_MS);
    return () => clearInterval(timer);
  }, [isActive, router]);
  return null;
}
