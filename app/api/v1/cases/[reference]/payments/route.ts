import { recordPayment } from '@/lib/case-actions/perform';
import { accepted, answer, authenticateActor, parseInput, readJson } from '@/lib/case-actions/http';
import { paymentSchema } from '@/lib/case-actions/schemas';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ reference: string }> };

/** Record a payment: `{date, amountMinor, recipient, commissionStatus?, closeCase?}` → 202 `{action}`. */
export function POST(request: Request, { params }: Context) {
  return answer(async () => {
    const actor = await authenticateActor(request);
    const { reference } = await params;
    const example = '{"date": "2026-11-20", "amountMinor": 12550, "recipient": "CollectionPartner"}';
    const input = parseInput(paymentSchema, await readJson(request, example));
    return accepted(await recordPayment(actor, reference, input));
  });
}
