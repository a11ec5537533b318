/** Test cases must never be mistaken for real debts. */
export function TestCaseBanner() {
  return (
    <div
      role="note"
      className="rounded-md border-2 border-dashed border-amber-400 bg-amber-50 px-4 py-2 text-sm text-amber-900"
      data-testid="test-case-banner"
    >
      <strong className="font-semibold">Test case.</strong> Debitura sent this case as a test: it is not a real debt,
      and it is kept apart from live cases.
    </div>
  );
}
