"use client";
import { Alert as NldsAlert } from "@rijkshuisstijl-community/components-react";
import type { ReactNode } from "react";

/**
 * A message box (NL Design System Alert): `info`, `ok`, `warning`, `error`. `live`: it appears after an
 * action (a saved form, a failed request), so screen readers announce it — polite for news, assertive for
 * errors. A live region must exist before its text changes: render `<Alert live …>` with empty children
 * rather than mounting it with the message (LiveRegion below does that).
 */
export type AlertType = "info" | "ok" | "warning" | "error";

export function Alert({
  type = "info",
  live,
  children,
  className,
  id,
}: {
  type?: AlertType;
  live?: boolean;
  children: ReactNode;
  className?: string;
  id?: string;
}) {
  const role = live ? (type === "error" ? "alert" : "status") : undefined;
  return (
    <NldsAlert type={type} className={className} id={id} role={role}>
      {children}
    </NldsAlert>
  );
}

/** A live region that is always there; an Alert shows inside it while there is a message. */
export function LiveRegion({
  type = "info",
  message,
  className,
  testId,
}: {
  type?: AlertType;
  message?: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div
      role={type === "error" ? "alert" : "status"}
      aria-live={type === "error" ? "assertive" : "polite"}
      className={className}
      data-testid={testId}
    >
      {message ? (
        <NldsAlert type={type}>
          <p>{message}</p>
        </NldsAlert>
      ) : null}
    </div>
  );
}
