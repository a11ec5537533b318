import { reprocessAction } from '@/lib/admin/actions/deliveries';
import { ActionButton } from './action-button';

export function ReprocessButton({ id }: { id: string }) {
  return (
    <ActionButton
      action={reprocessAction}
      fields={{ id }}
      label="Reprocess"
      pendingLabel="Reprocessing…"
      ariaLabel={`Reprocess event ${id}`}
    />
  );
}

export function ReprocessAllButton() {
  return (
    <ActionButton
      action={reprocessAction}
      fields={{ scope: 'failed' }}
      label="Reprocess all failed"
      pendingLabel="Reprocessing…"
    />
  );
}
