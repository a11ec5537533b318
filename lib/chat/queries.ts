import 'server-only';

/** Chat reads for pages (server-only); the API route and scripts use thread.ts directly. */
export { getChatThread, THREAD_LIMIT } from './thread';
export type { ChatMessageView, ChatThread } from './message-view';
