'use client';

import useSWR from 'swr';
import type { ChatThread } from '@/lib/chat/message-view';
import { fetcher, type FetchError } from './fetcher';

/** How often an open case page asks for new chat: a webhook's message shows within ~2 s. */
export const CHAT_REFRESH_MS = 2_000;

export function chatThreadKey(reference: string): string {
  return `/api/v1/cases/${encodeURIComponent(reference)}/chat`;
}

/** The case chat, refreshed every 2 s while the page is visible; starts from the server's render. */
export function useChatThread(reference: string, fallbackData: ChatThread) {
  return useSWR<ChatThread, FetchError>(chatThreadKey(reference), fetcher, {
    fallbackData,
    refreshInterval: CHAT_REFRESH_MS,
    revalidateOnFocus: true,
    // The server render is fresh; the first poll comes after one interval.
    revalidateOnMount: false,
    keepPreviousData: true,
  });
}
