"use client";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { ErrorParams } from "@/lib/api/error-codes";
import { ApiError } from "./api";

/**
 * An API error → messages in the interface language: one per field (from `fieldCodes` and `fieldParams`),
 * the summary's items, and the general message of an error without fields. Texts come from the `errors`
 * catalogue (`errors.codes.<code>`); a form may say a field's message its own way (`overrides`, e.g. "Fill
 * in the name." for `persons.0.name: required`). The API's English `message`/`fields` are never shown.
 *
 *   const errs = useFormErrors(book.error, { idOf: (field) => `public-${field}` });
 *   <ErrorSummary items={errs.summary} general={errs.general} focusKey={book.error} />
 *   <TextField id="public-email" error={errs.field("email")} … />
 */
export type SummaryItem = { field: string; href: string; message: string };
export type FormErrors = {
  /** The translated message of a field, or undefined. */
  field: (name: string) => string | undefined;
  /** The fields' messages in the order `order` gives (else the API's), each linking to its input. */
  summary: SummaryItem[];
  /** The message of an error that names no field (a full slot, a rate limit, no connection). */
  general?: string;
  /** The error's code (`slot_full`, …), for forms that react to one. */
  code?: string;
};
type Opts = {
  /** The input id of a field key (`persons.0.name` → `public-name-0`); the summary links to it. */
  idOf?: (field: string) => string;
  /** Field keys in the order they appear on the page. */
  order?: string[];
  /** A form's own text for a field and code; undefined: the catalogue's. */
  overrides?: (field: string, code: string) => string | undefined;
};

export function useFormErrors(error: unknown, opts: Opts = {}): FormErrors {
  const t = useTranslations("errors");
  const { idOf, order, overrides } = opts;
  return useMemo(() => {
    const say = (code: string, params?: ErrorParams) => (t.has(`codes.${code}`) ? t(`codes.${code}`, params) : t("codes.invalid"));
    if (!error) return { field: () => undefined, summary: [] };
    if (!(error instanceof ApiError)) {
      // fetch() throws a TypeError when there is no connection; anything else is ours.
      return { field: () => undefined, summary: [], general: say(error instanceof TypeError ? "network" : "internal") };
    }
    const fallback = error.code === "bad_request" ? "invalid" : error.code;
    const messages: Record<string, string> = {};
    for (const key of Object.keys(error.fields)) {
      const code = error.fieldCodes[key] ?? fallback;
      messages[key] = overrides?.(key, code) ?? say(code, error.fieldParams[key] ?? error.params);
    }
    const keys = Object.keys(messages);
    const rank = (k: string) => (order?.indexOf(k) ?? -1) + 1 || Number.MAX_SAFE_INTEGER;
    keys.sort((a, b) => rank(a) - rank(b));
    const summary = keys.map((k) => ({ field: k, href: `#${idOf ? idOf(k) : k}`, message: messages[k] }));
    return {
      field: (name: string) => messages[name],
      summary,
      general: keys.length ? undefined : say(error.code, error.params),
      code: error.code,
    };
  }, [error, t, idOf, order, overrides]);
}
