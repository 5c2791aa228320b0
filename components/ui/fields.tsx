"use client";
import { FormField, TextInput, Textarea } from "@rijkshuisstijl-community/components-react";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/**
 * Form fields on the NL Design System: each with its label, hint and error message wired by id — the input
 * is `id`, the hint `${id}-hint`, the error `${id}-err`; `aria-describedby` names hint and error,
 * `aria-invalid` is set while there is an error. The error text comes translated (lib/client/form-errors.ts).
 */
type Common = { id: string; label: ReactNode; hint?: ReactNode; error?: string; className?: string };

export const describedBy = (id: string, hint?: ReactNode, error?: string) =>
  [hint ? `${id}-hint` : null, error ? `${id}-err` : null].filter(Boolean).join(" ") || undefined;

function Shell({ id, label, hint, error, className, input }: Common & { input: ReactNode }) {
  return (
    <FormField
      className={className}
      id={id}
      label={label}
      description={hint ? <span id={`${id}-hint`}>{hint}</span> : undefined}
      descriptionId={`${id}-hint`}
      invalid={!!error}
      errorMessage={error}
      errorMessageId={`${id}-err`}
      statusId={`${id}-status`}
      input={input}
    />
  );
}

type TextProps = Common &
  Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type"> & {
    type?: "text" | "email" | "tel" | "date" | "number" | "search" | "password";
  };

/** Text, email, phone, date (`type`), with its label, hint and error. */
export function TextField({ id, label, hint, error, className, type = "text", ...input }: TextProps) {
  return (
    <Shell
      {...{ id, label, hint, error, className }}
      input={
        <TextInput
          {...input}
          id={id}
          type={type}
          invalid={!!error}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
      }
    />
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  className,
  ...input
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">) {
  return (
    <Shell
      {...{ id, label, hint, error, className }}
      input={
        <Textarea
          {...input}
          id={id}
          invalid={!!error}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
      }
    />
  );
}

/**
 * A native select with the NL Design System's select styling (utrecht-select): neither package exports a
 * bare Select that keeps the id we give it (FormFieldSelect makes its own, which breaks label and errors).
 */
export function SelectField({
  id,
  label,
  hint,
  error,
  className,
  options,
  ...select
}: Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & { options: { value: string | number; label: string }[] }) {
  return (
    <Shell
      {...{ id, label, hint, error, className }}
      input={
        <select
          {...select}
          id={id}
          className={`utrecht-select utrecht-select--html-select${error ? " utrecht-select--invalid" : ""}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      }
    />
  );
}
