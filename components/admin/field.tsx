import { inputClass, labelClass } from './styles';

type Props = React.InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  /** Keeps ids unique when one form appears many times on a page. */
  idPrefix: string;
};

/** A labelled input whose error (and hint) sit in the region aria-describedby points at. */
export function Field({ name, label, error, hint, idPrefix, ...input }: Props) {
  const id = `${idPrefix}-${name}`;
  const describedBy = `${id}-error${hint ? ` ${id}-hint` : ''}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
        {...input}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <p id={`${id}-error`} className="min-h-4 text-xs text-red-700">
        {error}
      </p>
    </div>
  );
}

export function SelectField({
  name,
  label,
  error,
  idPrefix,
  children,
  ...select
}: React.SelectHTMLAttributes<HTMLSelectElement> & { name: string; label: string; error?: string; idPrefix: string }) {
  const id = `${idPrefix}-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
        className={inputClass}
        {...select}
      >
        {children}
      </select>
      <p id={`${id}-error`} className="min-h-4 text-xs text-red-700">
        {error}
      </p>
    </div>
  );
}

/** The form-level outcome, announced politely. */
export function FormMessage({ id, status, message }: { id: string; status: string; message?: string }) {
  return (
    <p
      id={id}
      role="status"
      aria-live="polite"
      className={`min-h-5 text-sm ${status === 'error' ? 'text-red-700' : 'text-emerald-800'}`}
    >
      {message}
    </p>
  );
}
