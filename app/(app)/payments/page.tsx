import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Payments' };

// Placeholder until payment reconciliation lands; the guard is the real thing.
export default async function PaymentsPage() {
  await requirePermission('payments:reconcile');
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold">Payments</h1>
      <p className="text-slate-600">Payment reconciliation will appear here.</p>
    </div>
  );
}
