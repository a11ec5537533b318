// Debitura's webhook deliveries. No session or token auth here: the HMAC signature is the
// authentication (docs/debitura.md "Delivery"). See lib/webhooks/receive.ts for the steps.
import { receiveDelivery } from '@/lib/webhooks/receive';

export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return receiveDelivery(request);
}
