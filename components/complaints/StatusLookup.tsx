"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api";
import { Field } from "./Field";

type Status = {
  reference: string;
  status: "triage" | "open" | "closed";
  receivedOn: string;
  acknowledgedOn: string | null;
  expectedBy: string;
  postponed: boolean;
  closedOn: string | null;
  closedAs: "decided" | "declined" | "informal" | null;
  outcome: string | null;
};

/** /klacht/status: reference + email → status and expected date. */
export function StatusLookup() {
  const t = useTranslations("complaints");
  const [form, setForm] = useState({ reference: "", email: "" });
  const look = useMutation({ mutationFn: () => apiFetch<Status>("/api/v1/complaints/status", { method: "POST", body: form }) });
  const err = look.error instanceof ApiError ? look.error : null;
  const fields = err?.fields ?? {};
  const s = look.data;
  return (
    <>
      <h1>{t("status.title")}</h1>
      <p className="mb-6">{t("status.intro")}</p>
      <form
        className="card mb-6"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          look.mutate();
        }}
      >
        <Field id="s-reference" label={t("status.reference")} error={fields.reference}>
          {(a) => (
            <input {...a} className="input" value={form.reference} onChange={(e) => setForm({ ...form, reference: e.target.value })} />
          )}
        </Field>
        <Field id="s-email" label={t("status.email")} error={fields.email}>
          {(a) => (
            <input
              {...a}
              type="email"
              className="input"
              autoComplete="email"
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
            />
          )}
        </Field>
        <button type="submit" className="btn" disabled={look.isPending}>
          {t("status.submit")}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {err?.status === 404 ? <p className="field-error font-semibold">{t("status.notFound")}</p> : null}
        {err?.status === 429 ? <p className="field-error font-semibold">{t("form.rateLimited")}</p> : null}
        {s ? (
          <section className="card" aria-labelledby="s-result">
            <h2 id="s-result">{t("status.resultTitle", { reference: s.reference })}</h2>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2" data-testid="complaint-status">
              <dt className="font-semibold">{t("status.status")}</dt>
              <dd>{s.closedAs ? t(`closedAs.${s.closedAs}`) : t(`statuses.${s.status}`)}</dd>
              <dt className="font-semibold">{t("status.receivedOn")}</dt>
              <dd>{s.receivedOn}</dd>
              {s.acknowledgedOn ? (
                <>
                  <dt className="font-semibold">{t("status.acknowledgedOn")}</dt>
                  <dd>{s.acknowledgedOn}</dd>
                </>
              ) : null}
              {s.closedOn ? (
                <>
                  <dt className="font-semibold">{t("status.closedOn")}</dt>
                  <dd>{s.closedOn}</dd>
                </>
              ) : (
                <>
                  <dt className="font-semibold">{t("status.expectedBy")}</dt>
                  <dd>{s.expectedBy}</dd>
                </>
              )}
              {s.outcome ? (
                <>
                  <dt className="font-semibold">{t("status.outcome")}</dt>
                  <dd>{t(`outcomes.${s.outcome}`)}</dd>
                </>
              ) : null}
            </dl>
            {s.postponed && !s.closedOn ? <p className="mt-3">{t("status.postponed")}</p> : null}
            {s.closedOn ? <p className="mt-3">{t("status.closedNote")}</p> : null}
          </section>
        ) : null}
      </div>
    </>
  );
}
