const TONES: Record<string, string> = {
  applied: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  ignored: 'bg-slate-100 text-slate-700 ring-slate-200',
  failed: 'bg-red-50 text-red-800 ring-red-200',
  received: 'bg-amber-50 text-amber-800 ring-amber-200',
};

const badge = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset';

/** An inbox status, plus how many times the same event came again. */
export function DeliveryStatus({ status, duplicateCount }: { status: string; duplicateCount: number }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`${badge} ${TONES[status] ?? TONES.ignored}`}>{status}</span>
      {duplicateCount > 0 ? (
        <span className={`${badge} bg-sky-50 text-sky-800 ring-sky-200`} title="Later deliveries of the same event id, acknowledged and not applied again">
          +{duplicateCount} duplicate{duplicateCount === 1 ? '' : 's'}
        </span>
      ) : null}
    </span>
  );
}

export function ModeBadge({ isTest, isReplay }: { isTest: boolean; isReplay?: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`${badge} ${isTest ? 'bg-violet-50 text-violet-800 ring-violet-200' : 'bg-white text-slate-700 ring-slate-200'}`}>{isTest ? 'test' : 'live'}</span>
      {isReplay ? <span className={`${badge} bg-slate-100 text-slate-700 ring-slate-200`}>replay</span> : null}
    </span>
  );
}
