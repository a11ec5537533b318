'use client';

import { useActionState } from 'react';
import useSWR from 'swr';
import { useFormatter, useTranslations } from 'next-intl';
import { secondaryButtonClass } from '@/components/admin/styles';
import { IDLE } from '@/lib/admin/form-state';
import { testEventAction } from '@/lib/debitura/actions';
import { fetcher } from '@/lib/swr/fetcher';

type Arrival = { testArrival: { eventId: string; receivedAt: string } | null };

/** Fires a test event and watches the inbox until it arrives (polling once a second). */
export function TestEventButton() {
  const t = useTranslations('connection.webhook');
  const format = useFormatter();
  const [state, action, isPending] = useActionState(testEventAction, IDLE);
  const firedAt = state.status === 'success' ? state.values?.firedAt : undefined;
  const { data } = useSWR<Arrival>(
    firedAt ? `/api/admin/debitura?testSince=${encodeURIComponent(firedAt)}` : null,
    fetcher,
    {
      refreshInterval: (latest) => (latest?.testArrival ? 0 : 1_000),
    },
  );
  const arrival = data?.testArrival;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <button type="submit" disabled={isPending} className={secondaryButtonClass}>
        {t('test')}
      </button>
      <span
        role="status"
        aria-live="polite"
        className={`text-sm ${state.status === 'error' ? 'text-red-700' : 'text-slate-700'}`}
      >
        {arrival
          ? t('testArrived', { time: format.dateTime(new Date(arrival.receivedAt), { timeStyle: 'medium' }) })
          : state.message}
      </span>
    </form>
  );
}
