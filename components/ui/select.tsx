import type { ComponentProps } from 'react';
import { cn } from './cn';
import { fieldClasses } from './input';

/** `lang` when the label is in another language than the page (a language's own name). */
export type SelectOption = { value: string; label: string; lang?: string };

export function Select({
  options,
  className,
  ...props
}: ComponentProps<'select'> & { options: readonly SelectOption[] }) {
  return (
    <select className={cn(fieldClasses, 'pr-8', className)} {...props}>
      {options.map((option) => (
        <option key={option.value} value={option.value} lang={option.lang}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
