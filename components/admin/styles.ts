/** Shared class names for the admin pages' controls, so every button and field looks and focuses alike. */
export const buttonClass =
  'inline-flex items-center justify-center rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 disabled:opacity-60';
export const secondaryButtonClass =
  'inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 disabled:opacity-60';
export const dangerButtonClass =
  'inline-flex items-center justify-center rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 disabled:opacity-60';
export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-slate-900 focus:outline-2 focus:outline-slate-900 aria-invalid:border-red-600';
export const labelClass = 'block text-sm font-medium text-slate-700';
export const linkClass = 'text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-800';
export const tableClass = 'w-full text-left text-sm';
export const headCellClass = 'px-3 py-2 font-medium whitespace-nowrap text-slate-600';
export const cellClass = 'px-3 py-2 align-top';
