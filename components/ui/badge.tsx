import type { ReactNode } from 'react';
import { cn } from './cn';

export type Tone = 'green' | 'amber' | 'orange' | 'blue' | 'slate' | 'violet' | 'red';

const TONES: Record<Tone, string> = {
  green: 'bg-green-50 text-green-800 ring-green-600/30',
  amber: 'bg-amber-50 text-amber-900 ring-amber-600/30',
  orange: 'bg-orange-50 text-orange-900 ring-orange-600/30',
  blue: 'bg-sky-50 text-sky-900 ring-sky-600/30',
  slate: 'bg-slate-100 text-slate-700 ring-slate-500/30',
  violet: 'bg-violet-50 text-violet-800 ring-violet-600/30',
  red: 'bg-red-50 text-red-800 ring-red-600/30',
};

export function Badge({
  tone = 'slate',
  children,
  className,
  title,
}: {
  tone?: Tone;
  children: ReactNode;
  className?: string;
  title?: string;
}) {
  return (
    <span
      title={title}
      className={cn(
        'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset',
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
