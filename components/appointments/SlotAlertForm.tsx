"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ChallengeStatus } from "@/components/ChallengeStatus";
import { apiFetch, ApiError } from "@/lib/client/api";
import type { ProductView } from "./types";

/** "Tell me when an earlier slot opens" (double opt-in: the API sends a confirmation email first). */
export function SlotAlertForm() {
  const t = useTranslations("appointments");
  const locale = useLocale() as "nl" | "en";
  const products = useQuery({ queryKey: ["products"], queryFn: () => apiFetch<ProductView[]>("/api/v1/products") });
  const [v, setV] = useState({ email: "", product: "BIO", persons: 1, before: "" });
  const create = useMutation({
    mutationFn: () => apiFetch("/api/v1/slot-alerts", { method: "POST", body: { ...v, desks: "ALL", language: locale } }),
  });
  const f = create.error instanceof ApiError ? create.error.fields : {};
  const err = (k: string) =>
    f[k] ? (
      <p id={`al-${k}-err`} className="field-error">
        {f[k]}
      </p>
    ) : null;
  const aria = (k: string) => ({ "aria-invalid": f[k] ? true : undefined, "aria-describedby": f[k] ? `al-${k}-err` : undefined });
  return (
    <section aria-labelledby="alert-title" className="card mt-8">
      <h2 id="alert-title">{t("alertTitle")}</h2>
      <p className="mb-2">{t("alertIntro")}</p>
      <form
        className="grid gap-3 sm:grid-cols-2"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <div>
          <label htmlFor="al-email" className="label">
            {t("email")}
          </label>
          <input
            id="al-email"
            type="email"
            className="input"
            value={v.email}
            onChange={(e) => setV({ ...v, email: e.target.value })}
            {...aria("email")}
          />
          {err("email")}
        </div>
        <div>
          <label htmlFor="al-product" className="label">
            {t("product")}
          </label>
          <select id="al-product" className="input" value={v.product} onChange={(e) => setV({ ...v, product: e.target.value })}>
            {products.data?.map((p) => (
              <option key={p.key} value={p.key}>
                {locale === "en" ? p.name.en : p.name.nl}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="al-persons" className="label">
            {t("personsCount")}
          </label>
          <select id="al-persons" className="input" value={v.persons} onChange={(e) => setV({ ...v, persons: Number(e.target.value) })}>
            {[1, 2, 3, 4, 5, 6].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="al-before" className="label">
            {t("alertBefore")}
          </label>
          <input
            id="al-before"
            type="date"
            className="input"
            value={v.before}
            onChange={(e) => setV({ ...v, before: e.target.value })}
            {...aria("before")}
          />
          {err("before")}
        </div>
        <div>
          <button type="submit" className="btn-secondary" disabled={create.isPending}>
            {t("alertSubmit")}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite" className="mt-2">
        {create.isSuccess ? t("alertCreated") : null}
      </div>
      <ChallengeStatus busy={create.isPending} />
    </section>
  );
}
