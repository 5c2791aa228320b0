"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { ChallengeStatus } from "@/components/ChallengeStatus";
import { ApiError, apiFetch } from "@/lib/client/api";
import { Field } from "./Field";

type Created = { reference: string; status: string; receivedOn: string; deadline: string };
const SUBJECTS = ["processing_time", "treatment", "information", "decision_quality", "accessibility", "desk_visit", "other"] as const;

/** The public complaint form (/klacht): no account, attachments, reference and deadline on screen. */
export function ComplaintForm() {
  const t = useTranslations("complaints");
  const locale = useLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const [hadEmail, setHadEmail] = useState(false);
  const submit = useMutation({
    mutationFn: (fd: FormData) => apiFetch<Created>("/api/v1/complaints", { method: "POST", rawBody: fd }),
  });
  const err = submit.error instanceof ApiError ? submit.error : null;
  const fields = err?.fields ?? {};
  if (submit.data) {
    return (
      <>
        <h1>{t("form.title")}</h1>
        <section className="card" role="status" aria-live="polite" aria-labelledby="done-title">
          <h2 id="done-title">{t("form.successTitle")}</h2>
          <p className="mb-2 text-lg" data-testid="complaint-created">
            {t("form.successText", { reference: submit.data.reference, deadline: submit.data.deadline })}
          </p>
          <p className="mb-4">{hadEmail ? t("form.successEmail") : t("form.successPost")}</p>
          <Link href="/klacht/status" className="btn-secondary">
            {t("form.statusLink")}
          </Link>
        </section>
      </>
    );
  }
  return (
    <>
      <h1>{t("form.title")}</h1>
      <p className="mb-6">{t("form.intro")}</p>
      <div role="alert" aria-live="assertive">
        {err ? (
          <p className="field-error mb-4 font-semibold">
            {err.status === 429
              ? t("form.rateLimited")
              : err.status === 400 || err.status === 413
                ? t("form.errorSummary")
                : t("form.failed")}
          </p>
        ) : null}
      </div>
      <form
        ref={formRef}
        className="card"
        encType="multipart/form-data"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const fd = new FormData(e.currentTarget);
          fd.set("language", locale === "en" ? "en" : "nl");
          setHadEmail(!!String(fd.get("email") ?? "").trim());
          submit.mutate(fd);
        }}
      >
        <Field id="c-name" label={t("form.name")} error={fields.name}>
          {(a) => <input {...a} name="name" className="input" autoComplete="name" required />}
        </Field>
        <Field id="c-email" label={t("form.email")} hint={t("form.emailHint")} error={fields.email}>
          {(a) => <input {...a} name="email" type="email" className="input" autoComplete="email" />}
        </Field>
        <Field id="c-address" label={t("form.address")} error={fields.address}>
          {(a) => <textarea {...a} name="address" className="input" rows={3} autoComplete="street-address" />}
        </Field>
        <Field id="c-phone" label={t("form.phone")} error={fields.phone}>
          {(a) => <input {...a} name="phone" type="tel" className="input" autoComplete="tel" />}
        </Field>
        <Field id="c-vnumber" label={t("form.vNumber")} hint={t("form.vNumberHint")} error={fields.vNumber}>
          {(a) => <input {...a} name="vNumber" className="input" inputMode="numeric" />}
        </Field>
        <Field id="c-subject" label={t("form.subject")} error={fields.subject}>
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
        <Field id="c-description" label={t("form.description")} error={fields.description}>
          {(a) => <textarea {...a} name="description" className="input" rows={6} required />}
        </Field>
        <Field id="c-when" label={t("form.happenedWhen")} error={fields.happenedWhen}>
          {(a) => <input {...a} name="happenedWhen" className="input" />}
        </Field>
        <Field id="c-concerned" label={t("form.personConcerned")} error={fields.personConcerned}>
          {(a) => <input {...a} name="personConcerned" className="input" />}
        </Field>
        <Field id="c-files" label={t("form.attachments")} hint={t("form.attachmentsHint")} error={fields.attachments}>
          {(a) => (
            <input
              {...a}
              name="attachments"
              type="file"
              multiple
              className="input"
              accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.txt,.doc,.docx"
            />
          )}
        </Field>
        <button type="submit" className="btn" disabled={submit.isPending}>
          {submit.isPending ? t("form.submitting") : t("form.submit")}
        </button>
        <ChallengeStatus busy={submit.isPending} className="mt-2" />
      </form>
    </>
  );
}
