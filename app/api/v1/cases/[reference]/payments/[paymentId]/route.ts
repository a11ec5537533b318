import { deletePayment, editPayment } from '@/lib/case-actions/perform';
import { accepted, answer, authenticateActor, parseInput, readJson } from '@/lib/case-actions/http';
import { paymentDeleteSchema, paymentEditSchema } from '@/lib/case-actions/schemas';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ reference: string; paymentId: string }> };

/** Edit a payment (Debitura's or Casedesk's id): `{date, amountMinor, recipient, commissionStatus?, reopenCase?}`. */
export function PATCH(request: Request, { params }: Context) {
  return answer(async () => {
    const actor = await authenticateActor(request);
    const { reference, paymentId } = await params;
    const example = '{"date": "2026-11-20", "amountMinor": 12550, "recipient": "CollectionPartner"}';
    const input = parseInput(paymentEditSchema, await readJson(request, example));
    return accepted(await editPayment(actor, reference, paymentId, input));
  });
}

/** Delete a payment; `{"reopenCase": true}` (or `?reopenCase=true`) confirms reopening a case closed as Paid. */
export function DELETE(request: Request, { params }: Context) {
  return answer(async () => {
    const actor = await authenticateActor(request);
    const { reference, paymentId } = await params;
    const body = (await readJson(request, '{"reopenCase": true}')) as Record<string, unknown>;
    const fromQuery = new URL(request.url).searchParams.get('reopenCase') === 'true';
    const input = parseInput(paymentDeleteSchema, { ...body, ...(fromQuery ? { reopenCase: true } : {}) });
    return accepted(await deletePayment(actor, reference, paymentId, input));
  });
}
