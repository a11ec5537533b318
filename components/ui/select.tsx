import type { ComponentProps } from 'react';
import { cn } from './cn';
import { fieldClasses } from './input';

export type SelectOption = { value: string; label: string };

export function Select({
  options,
  className,
  ...props
}: ComponentProps<'select'> & { options: readonly SelectOption[] }) {
  return (
    <select className={cn(fieldClasses, 'pr-8', className)} {...props}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
