"use client";
import { Checkbox, Fieldset, FieldsetLegend, FormFieldErrorMessage, Radio } from "@rijkshuisstijl-community/components-react";
import type { ReactNode } from "react";
import { describedBy } from "./fields";

/**
 * A radio group: a fieldset whose legend is the question, one radio per option (`${id}-${value}`), the
 * hint `${id}-hint` and the error `${id}-err` named by the fieldset's aria-describedby. `legendHidden`: the
 * question is already the section's heading (the legend stays for screen readers).
 */
export function RadioGroupField<V extends string>({
  id,
  legend,
  legendHidden,
  hint,
  error,
  options,
  value,
  onChange,
  name = id,
}: {
  id: string;
  legend: ReactNode;
  legendHidden?: boolean;
  hint?: ReactNode;
  error?: string;
  options: { value: V; label: ReactNode; strong?: boolean }[];
  value: V | null;
  onChange: (value: V) => void;
  name?: string;
}) {
  return (
    <Fieldset id={id} invalid={!!error} aria-describedby={describedBy(id, hint, error)}>
      {/* A plain legend when hidden: the NL Design System legend's own CSS would win over Tailwind's sr-only. */}
      {legendHidden ? <legend className="sr-only">{legend}</legend> : <FieldsetLegend>{legend}</FieldsetLegend>}
      {hint ? (
        <p id={`${id}-hint`} className="utrecht-form-field-description">
          {hint}
        </p>
      ) : null}
      {error ? <FormFieldErrorMessage id={`${id}-err`}>{error}</FormFieldErrorMessage> : null}
      {options.map((o) => (
        <div key={o.value} className="flex items-center gap-2 py-1">
          <Radio
            id={`${id}-${o.value}`}
            name={name}
            value={o.value}
            checked={value === o.value}
            invalid={!!error}
            onChange={() => onChange(o.value)}
          />
          <label htmlFor={`${id}-${o.value}`} className={`utrecht-form-label utrecht-form-label--radio${o.strong ? " font-semibold" : ""}`}>
            {o.label}
          </label>
        </div>
      ))}
    </Fieldset>
  );
}

export function CheckboxField({
  id,
  label,
  hint,
  error,
  checked,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className={`utrecht-form-field utrecht-form-field--checkbox${error ? " utrecht-form-field--invalid" : ""}`}>
      {error ? <FormFieldErrorMessage id={`${id}-err`}>{error}</FormFieldErrorMessage> : null}
      <div className="flex items-start gap-2">
        <Checkbox
          id={id}
          checked={checked}
          invalid={!!error}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <div>
          <label htmlFor={id} className="utrecht-form-label utrecht-form-label--checkbox">
            {label}
          </label>
          {hint ? (
            <p id={`${id}-hint`} className="utrecht-form-field-description">
              {hint}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}
