'use client';

import { Button, ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default function CaseError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <EmptyState
      title="This case could not be loaded"
      action={
        <>
          <Button onClick={reset}>Try again</Button>
          <ButtonLink href="/cases">Back to the cases</ButtonLink>
        </>
      }
    >
      Something went wrong on our side. Try again in a moment; if it keeps happening, tell an admin
      {error.digest ? ` and mention the code ${error.digest}` : ''}.
    </EmptyState>
  );
}
