"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api";
import { Field } from "./Field";
import { useCategories } from "./useCategories";

type Created = { reference: string; status: string; receivedOn: string; deadline: string };
export type Prefill = { callId?: string; customerId?: string; name?: string; phone?: string; email?: string; channel?: string };
const SUBJECTS = ["processing_time", "treatment", "information", "decision_quality", "accessibility", "desk_visit", "other"] as const;

/** /agent/complaints/new: complaints received by letter, phone, at a desk or by email, with the date of receipt. */
export function RegisterForm({ prefill, today, canOpen }: { prefill: Prefill; today: string; canOpen: boolean }) {
  const t = useTranslations("complaints");
  const categories = useCategories();
  const [channel, setChannel] = useState(prefill.channel ?? (prefill.callId ? "phone" : "letter"));
  const [atOnce, setAtOnce] = useState(false);
  const oral = channel === "phone" || channel === "desk";
  const save = useMutation({ mutationFn: (fd: FormData) => apiFetch<Created>("/api/v1/complaints", { method: "POST", rawBody: fd }) });
  const err = save.error instanceof ApiError ? save.error : null;
  const fields: Record<string, string> = { ...(err?.fields ?? {}) };
  if (err && err.status === 422 && !Object.keys(fields).length)
    fields.receivedOn = t.has(`errors.${err.code}`) ? t(`errors.${err.code}`) : err.message;
  if (err?.code === "date_in_future") fields.receivedOn = t("errors.date_in_future");
  return (
    <>
      <h1>{t("newForm.title")}</h1>
      <p className="mb-6">{t("newForm.intro")}</p>
      <div role="status" aria-live="polite">
        {save.data ? (
          <p className="card mb-6 font-semibold" data-testid="complaint-created">
            {t("newForm.created", { reference: save.data.reference, deadline: save.data.deadline })}{" "}
            {canOpen ? <Link href={`/agent/complaints/${encodeURIComponent(save.data.reference)}`}>{t("newForm.open")}</Link> : null}
          </p>
        ) : null}
        {err && err.status !== 422 && err.status !== 400 ? <p className="field-error mb-4">{err.message}</p> : null}
        {err && (err.status === 400 || err.status === 422) ? <p className="field-error mb-4">{t("form.errorSummary")}</p> : null}
      </div>
      <form
        className="card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(new FormData(e.currentTarget));
        }}
      >
        {prefill.callId ? (
          <p className="mb-4">
            {t("newForm.linkedCall", { callId: prefill.callId })}
            <input type="hidden" name="callId" value={prefill.callId} />
          </p>
        ) : null}
        {prefill.customerId ? <input type="hidden" name="customerId" value={prefill.customerId} /> : null}
        <div className="grid gap-x-4 md:grid-cols-2">
          <Field id="r-channel" label={t("newForm.channel")} error={fields.channel}>
            {(a) => (
              <select {...a} name="channel" className="input" value={channel} onChange={(e) => setChannel(e.target.value)}>
                {["letter", "phone", "desk", "email"].map((c) => (
                  <option key={c} value={c}>
                    {t(`channels.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="r-received" label={t("newForm.receivedOn")} error={fields.receivedOn}>
            {(a) => <input {...a} name="receivedOn" type="date" className="input" defaultValue={today} max={today} required />}
          </Field>
          <Field id="r-name" label={t("form.name")} error={fields.name}>
            {(a) => <input {...a} name="name" className="input" defaultValue={prefill.name ?? ""} required />}
          </Field>
          <Field id="r-email" label={t("form.email")} error={fields.email}>
            {(a) => <input {...a} name="email" type="email" className="input" defaultValue={prefill.email ?? ""} />}
          </Field>
          <Field id="r-phone" label={t("form.phone")} error={fields.phone}>
            {(a) => <input {...a} name="phone" type="tel" className="input" defaultValue={prefill.phone ?? ""} />}
          </Field>
          <Field id="r-vnumber" label={t("form.vNumber")} error={fields.vNumber}>
            {(a) => <input {...a} name="vNumber" className="input" />}
          </Field>
          <Field id="r-address" label={t("form.address")} error={fields.address}>
            {(a) => <textarea {...a} name="address" className="input" rows={3} />}
          </Field>
          <div>
            <Field id="r-language" label={t("newForm.language")} error={fields.language}>
              {(a) => (
                <select {...a} name="language" className="input" defaultValue="nl">
                  <option value="nl">{t("newForm.languages.nl")}</option>
                  <option value="en">{t("newForm.languages.en")}</option>
                </select>
              )}
            </Field>
            <Field id="r-subject" label={t("form.subject")} error={fields.subject}>
              {(a) => (
                <select {...a} name="subject" className="input" defaultValue="processing_time">
                  {SUBJECTS.map((s) => (
                    <option key={s} value={s}>
                      {t(`subjects.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="r-category" label={t("newForm.category")} hint={t("newForm.categoryHint")} error={fields.category}>
              {(a) => (
                <select {...a} name="category" className="input" defaultValue="">
                  <option value="">{t("newForm.categoryFromSubject")}</option>
                  {(categories.data ?? []).map((c) => (
                    <option key={c.key} value={c.key}>
                      {categories.label(c.key)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </div>
        {oral ? (
          <fieldset className="card mb-4">
            <legend className="label">{t("newForm.oralTitle")}</legend>
            <p className="mb-2 text-sm">{t("newForm.oralIntro")}</p>
            <div className="mb-2 flex items-center gap-2">
              <input
                id="r-atonce"
                type="checkbox"
                name="resolvedAtOnce"
                value="true"
                checked={atOnce}
                onChange={(e) => setAtOnce(e.target.checked)}
              />
              <label htmlFor="r-atonce">{t("newForm.resolvedAtOnce")}</label>
            </div>
            {atOnce ? (
              <Field id="r-resolution" label={t("newForm.resolution")} error={fields.resolution}>
                {(a) => <textarea {...a} name="resolution" className="input" rows={2} />}
              </Field>
            ) : null}
            {fields.resolvedAtOnce ? <p className="field-error">{fields.resolvedAtOnce}</p> : null}
          </fieldset>
        ) : null}
        <Field id="r-description" label={t("form.description")} error={fields.description}>
          {(a) => <textarea {...a} name="description" className="input" rows={5} required />}
        </Field>
        <div className="grid gap-x-4 md:grid-cols-2">
          <Field id="r-when" label={t("form.happenedWhen")} error={fields.happenedWhen}>
            {(a) => <input {...a} name="happenedWhen" className="input" />}
          </Field>
          <Field id="r-concerned" label={t("form.personConcerned")} error={fields.personConcerned}>
            {(a) => <input {...a} name="personConcerned" className="input" />}
          </Field>
        </div>
        <Field id="r-files" label={t("form.attachments")} hint={t("form.attachmentsHint")} error={fields.attachments}>
          {(a) => <input {...a} name="attachments" type="file" multiple className="input" />}
        </Field>
        <button type="submit" className="btn" disabled={save.isPending}>
          {t("newForm.submit")}
        </button>
      </form>
    </>
  );
}
