import type { ReactNode } from 'react';

/** Props a control needs so its label, hint and errors are announced together. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  children: (control: ControlProps) => ReactNode;
  className?: string;
}

export function describedBy(id: string, hint: unknown, errors?: string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A labelled control with its hint and error messages right beneath it. */
export function Field({ id, label, hint, errors, children, className }: FieldProps) {
  const invalid = Boolean(errors?.length);
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy(id, hint, errors), 'aria-invalid': invalid || undefined })}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <div id={id} className="field-error">
      {errors.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

interface ChoiceGroupProps<T extends string> {
  name: string;
  legend: ReactNode;
  options: readonly { value: T; label: ReactNode }[];
  value: T | '';
  onChange: (value: T) => void;
  errors?: string[];
  hint?: ReactNode;
  className?: string;
}

/** Radio buttons in a fieldset: arrow keys move between options, as browsers do natively. */
export function ChoiceGroup<T extends string>({ name, legend, options, value, onChange, errors, hint, className }: ChoiceGroupProps<T>) {
  const invalid = Boolean(errors?.length);
  return (
    <fieldset
      className={`field choice-group${invalid ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={describedBy(name, hint, errors)}
      aria-invalid={invalid || undefined}
      data-field={name}
    >
      <legend className="field-label">{legend}</legend>
      <div className="choices">
        {options.map((option) => (
          <label key={option.value} className={`choice${value === option.value ? ' is-checked' : ''}`}>
            <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {hint && (
        <p id={`${name}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <FieldErrors id={`${name}-error`} errors={errors} />
    </fieldset>
  );
}
