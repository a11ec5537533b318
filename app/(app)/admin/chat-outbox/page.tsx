import { permanentRedirect } from 'next/navigation';

/** The chat outbox became the outbox of every action sent to Debitura. */
export default function ChatOutboxPage() {
  permanentRedirect('/admin/outbox');
}
