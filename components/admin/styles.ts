import { buttonClasses } from '@/components/ui/button';
import { fieldClasses } from '@/components/ui/input';

/** The admin pages' control styles, built on the shared UI primitives so they look like the rest of the app. */
export const buttonClass = buttonClasses({ variant: 'primary' });
export const secondaryButtonClass = buttonClasses({ variant: 'secondary', size: 'sm' });
/** Outlined rather than filled: destructive row actions should not be the loudest thing in a table. */
export const dangerButtonClass = buttonClasses({
  variant: 'secondary',
  size: 'sm',
  className: 'border-red-300 text-red-700 hover:bg-red-50 focus-visible:outline-red-700',
});
export const inputClass = fieldClasses;
export const labelClass = 'block text-sm font-medium text-slate-700';
export const linkClass =
  'text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-800';
export const tableClass = 'w-full text-left text-sm';
export const headCellClass = 'px-3 py-2 font-medium whitespace-nowrap text-slate-600';
export const cellClass = 'px-3 py-2 align-top';
/**
 * A table's scrolling frame. `relative` matters: screen-reader-only text is absolutely
 * positioned, and without a positioned frame it escapes the scroll box and widens the page.
 */
export const tableFrameClass = 'relative overflow-x-auto rounded-md border border-slate-200 bg-white';
