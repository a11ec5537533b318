import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default function CaseNotFound() {
  return (
    <EmptyState title="No case with that reference" action={<ButtonLink href="/cases">Back to the cases</ButtonLink>}>
      Check the reference. A case Debitura has just assigned appears as soon as its webhook has arrived; search the list
      by reference, debtor or creditor.
    </EmptyState>
  );
}
