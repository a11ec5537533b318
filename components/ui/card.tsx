import type { ReactNode } from 'react';
import { cn } from './cn';

/** A titled panel; the heading labels the section for screen readers. */
export function Card({
  title,
  id,
  actions,
  className,
  children,
}: {
  title: string;
  id: string;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={cn('rounded-lg border border-slate-200 bg-white', className)}>
      <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <h2 id={id} className="text-sm font-semibold text-slate-900">
          {title}
        </h2>
        {actions}
      </div>
      <div className="p-4">{children}</div>
    </section>
  );
}
