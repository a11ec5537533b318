'use client';

/**
 * Pieces of a bulk form whose row checkboxes live in a server-rendered table and join the
 * form through their `form` attribute (the payments pages' reconcile and register bars).
 */

/** Checks or clears every row checkbox that joins form `formId`. */
export function SelectAllRows({ formId, label }: { formId: string; label: string }) {
  const toggleAll = (checked: boolean) => {
    for (const box of document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${formId}"]`)) {
      box.checked = checked;
    }
  };
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" onChange={(event) => toggleAll(event.currentTarget.checked)} className="size-4" />
      {label}
    </label>
  );
}

/** The form's outcome, announced politely; red for an error, and said in words either way. */
export function BulkStatus({ id, state }: { id: string; state: { status: string; message?: string } }) {
  return (
    <p id={id} role="status" className={`text-sm ${state.status === 'error' ? 'text-red-700' : 'text-green-800'}`}>
      {state.message}
    </p>
  );
}
