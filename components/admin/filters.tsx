import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { buttonClass, inputClass, labelClass, linkClass } from './styles';

/**
 * Filters as a plain GET form: they land in the URL (bookmarkable, shareable, back-button
 * friendly) and work without JavaScript. Submitting starts again at the newest page.
 */
export function FilterBar({ path, label, children }: { path: string; label: string; children: React.ReactNode }) {
  const t = useTranslations('admin.filters');
  return (
    <form
      method="get"
      action={path}
      aria-label={label}
      className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3"
    >
      {children}
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass}>
          {t('apply')}
        </button>
        <Link href={path} className={`text-sm ${linkClass}`}>
          {t('clear')}
        </Link>
      </div>
    </form>
  );
}

type Option = { value: string; label: string };

export function SelectFilter({
  name,
  label,
  value,
  options,
  anyLabel,
}: {
  name: string;
  label: string;
  value?: string;
  options: Option[];
  anyLabel?: string;
}) {
  const t = useTranslations('admin.filters');
  const id = `filter-${name}`;
  return (
    <div className="min-w-36 space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ''} className={inputClass}>
        <option value="">{anyLabel ?? t('any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TextFilter({
  name,
  label,
  value,
  placeholder,
}: {
  name: string;
  label: string;
  value?: string;
  placeholder?: string;
}) {
  const id = `filter-${name}`;
  return (
    <div className="min-w-40 space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={value ?? ''}
        placeholder={placeholder}
        maxLength={200}
        className={inputClass}
      />
    </div>
  );
}

export function DateFilter({ name, label, value }: { name: string; label: string; value?: string }) {
  const id = `filter-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input id={id} type="date" name={name} defaultValue={value ?? ''} className={inputClass} />
    </div>
  );
}

export function options(values: readonly string[]): Option[] {
  return values.map((value) => ({ value, label: value }));
}
