"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { SummaryItem } from "@/lib/client/form-errors";

/**
 * The error summary (gov.uk / NL Design System pattern): after a failed submit, a box at the top of the form
 * that takes the focus, says how many problems there are and links to each field (`#id` of its input). A
 * submit that failed without naming fields shows its one message here. `focusKey`: changes on every failed
 * submit (the error object), so the summary takes the focus again the second time.
 */
export function ErrorSummary({
  items,
  general,
  focusKey,
  id = "error-summary",
}: {
  items: SummaryItem[];
  general?: string;
  focusKey: unknown;
  id?: string;
}) {
  const t = useTranslations("errors");
  const ref = useRef<HTMLDivElement>(null);
  const count = items.length + (general ? 1 : 0);
  useEffect(() => {
    if (focusKey && count) ref.current?.focus();
  }, [focusKey, count]);
  if (!count) return null;
  return (
    <div
      ref={ref}
      id={id}
      tabIndex={-1}
      role="alert"
      aria-labelledby={`${id}-title`}
      className="mb-4 rounded border-l-4 border-danger bg-red-50 p-4"
      data-testid="error-summary"
    >
      <h2 id={`${id}-title`} className="text-lg">
        {t("summaryTitle", { n: count })}
      </h2>
      {general ? <p>{general}</p> : null}
      {items.length ? (
        <>
          <p className="sr-only">{t("summaryIntro")}</p>
          <ul className="list-disc pl-6">
            {items.map((i) => (
              <li key={i.href}>
                <a
                  href={i.href}
                  className="font-semibold text-danger"
                  onClick={(e) => {
                    const target = document.getElementById(i.href.slice(1));
                    if (!target) return;
                    e.preventDefault();
                    target.focus();
                    target.scrollIntoView({ block: "center" });
                  }}
                >
                  {i.message}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
