"use client";
import type { ReactNode } from "react";

/** A labelled form control with its hint and error linked by aria-describedby (WCAG 1.3.1, 3.3.1). */
export function Field(props: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: (aria: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const described = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-err` : null].filter(Boolean).join(" ");
  return (
    <div className="mb-4">
      <label htmlFor={props.id} className="label">
        {props.label}
      </label>
      {props.hint ? (
        <p id={`${props.id}-hint`} className="mb-1 text-sm">
          {props.hint}
        </p>
      ) : null}
      {props.children({ id: props.id, "aria-invalid": props.error ? true : undefined, "aria-describedby": described || undefined })}
      {props.error ? (
        <p id={`${props.id}-err`} className="field-error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
