"use client";
import { Button as NldsButton } from "@rijkshuisstijl-community/components-react";
import type { ButtonHTMLAttributes } from "react";

/**
 * The NL Design System button (Rijkshuisstijl): `primary` for the one main action of a form, `secondary`
 * for the others, `subtle` for small actions in lists; `danger` for destructive ones (cancel an
 * appointment). `busy`: the request is under way — the button says so (aria-busy) and cannot be pressed twice.
 */
export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "subtle";
  danger?: boolean;
  busy?: boolean;
  pressed?: boolean;
};

export function Button({ variant = "secondary", danger, busy, pressed, disabled, type = "button", ...rest }: ButtonProps) {
  return (
    <NldsButton
      {...rest}
      type={type}
      appearance={variant === "subtle" ? "subtle-button" : `${variant}-action-button`}
      hint={danger ? "danger" : undefined}
      busy={busy}
      pressed={pressed}
      disabled={disabled || busy}
    />
  );
}
