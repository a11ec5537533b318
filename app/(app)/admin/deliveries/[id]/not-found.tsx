import Link from 'next/link';
import { linkClass } from '@/components/admin/styles';

export default function DeliveryNotFound() {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold">No such delivery</h1>
      <p className="text-slate-600">The inbox holds no event with that id.</p>
      <Link href="/admin/deliveries" className={linkClass}>
        Back to the delivery log
      </Link>
    </div>
  );
}
