import type { ComponentProps } from 'react';
import { cn } from './cn';

/**
 * A table that scrolls sideways inside its frame on narrow screens instead of the page. The
 * frame takes the keyboard focus (arrow keys then scroll it), so a wide table without links
 * can still be read to its last column by keyboard.
 */
export function Table({ className, caption, children, ...props }: ComponentProps<'table'> & { caption?: string }) {
  return (
    <div
      role={caption ? 'region' : undefined}
      aria-label={caption}
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900"
    >
      <table className={cn('w-full border-collapse text-left text-sm', className)} {...props}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

export function THead(props: ComponentProps<'thead'>) {
  return (
    <thead
      {...props}
      className={cn('border-b border-slate-200 bg-slate-50 text-xs text-slate-600 uppercase', props.className)}
    />
  );
}

export function TBody(props: ComponentProps<'tbody'>) {
  return <tbody {...props} className={cn('divide-y divide-slate-100', props.className)} />;
}

export function TR(props: ComponentProps<'tr'>) {
  return <tr {...props} />;
}

export function TH({ className, scope = 'col', ...props }: ComponentProps<'th'>) {
  return <th scope={scope} className={cn('px-3 py-2 font-medium whitespace-nowrap', className)} {...props} />;
}

export function TD({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('px-3 py-2 align-top', className)} {...props} />;
}
