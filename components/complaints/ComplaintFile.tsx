"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api";
import { useHandlers } from "./Tracker";
import { useCategories } from "./useCategories";

type Warning = { code: string; message: string };
type File = {
  id: string;
  reference: string;
  channel: string;
  status: string;
  receivedOn: string;
  deadline: string;
  deadlineBasis: { nl: string; en: string };
  band: "overdue" | "soon" | "later" | null;
  workingDaysLeft: number | null;
  complainant: { name: string; email: string | null; address: string | null; phone: string | null; vNumber: string | null };
  description: string;
  happenedWhen: string | null;
  personConcerned: string | null;
  subject: string;
  category: string;
  oralRule: "resolved_at_once" | "written_procedure" | null;
  handlerId: string | null;
  advisoryCommittee: boolean;
  acknowledgedOn: string | null;
  closedOn: string | null;
  closedAs: string | null;
  onTime: boolean | null;
  decision: { outcome: string; reasons: string; sentOn: string } | null;
  hearing: {
    on: string | null;
    report: string | null;
    skippedBecause: string | null;
    note: string | null;
    offeredTo: string[] | null;
  } | null;
  withdrawal: { on: string; note: string | null } | null;
  timeline: { at: string; action: string; actor: string; data: Record<string, unknown> }[];
  letters: {
    id: string;
    kind: string;
    recipient: string;
    delivery: string;
    toAddress: string | null;
    sentOn: string;
    subject: string;
    emailStatus: string | null;
  }[];
  calls: { id: number; offeredAt: string; direction: string; result: string | null; notes: string | null }[];
  attachments: { id: string; filename: string; size: number }[];
  related: { type: string; reference: string; title: string; status: string; href: string }[];
  warnings: Warning[];
};

type FieldDef = {
  name: string;
  label: string;
  type: "date" | "text" | "textarea" | "select" | "checkboxes";
  options?: { value: string; label: string }[];
  initial?: string;
};

/**
 * One step of spec 04 as a form; a 422 shows the rule's message at the field it concerns. Checkbox groups
 * keep their value as a comma-separated list and send an array.
 */
function StepForm({
  reference,
  step,
  title,
  fields,
  onDone,
  hint,
}: {
  reference: string;
  step: string;
  title: string;
  fields: FieldDef[];
  onDone: () => void;
  hint?: string;
}) {
  const t = useTranslations("complaints");
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ""])));
  const isList = (name: string) => fields.some((f) => f.name === name && f.type === "checkboxes");
  const run = useMutation({
    mutationFn: () =>
      apiFetch(`/api/v1/complaints/${encodeURIComponent(reference)}/${step}`, {
        method: "POST",
        body: Object.fromEntries(
          Object.entries(values)
            .filter(([, v]) => v !== "")
            .map(([k, v]) => [k, isList(k) ? v.split(",") : v]),
        ),
      }),
    onSuccess: onDone,
  });
  const err = run.error instanceof ApiError ? run.error : null;
  const ruleText = err && t.has(`errors.${err.code}`) ? t(`errors.${err.code}`) : err?.message;
  const fieldErr = (name: string) => (err?.fields?.[name] ? (err.status === 422 ? ruleText : err.fields[name]) : undefined);
  const general = err && !Object.keys(err.fields ?? {}).some((k) => fields.some((f) => f.name === k)) ? ruleText : undefined;
  const id = (n: string) => `${step}-${n}`;
  return (
    <form
      className="card mb-4"
      aria-labelledby={`${step}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        run.mutate();
      }}
    >
      <h3 id={`${step}-title`}>{title}</h3>
      {hint ? (
        <p className="mb-3 text-sm" data-testid={`${step}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="grid gap-x-4 md:grid-cols-2">
        {fields.map((f) => {
          const error = fieldErr(f.name);
          if (f.type === "checkboxes") {
            const chosen = values[f.name] ? values[f.name].split(",") : [];
            const toggle = (v: string, on: boolean) =>
              setValues({
                ...values,
                [f.name]: (on ? [...chosen, v] : chosen.filter((x) => x !== v)).filter((x, i, a) => a.indexOf(x) === i).join(","),
              });
            return (
              <fieldset key={f.name} className="mb-3" aria-describedby={error ? `${id(f.name)}-err` : undefined}>
                <legend className="label">{f.label}</legend>
                {f.options!.map((o) => (
                  <div key={o.value} className="flex items-center gap-2">
                    <input
                      id={id(`${f.name}-${o.value}`)}
                      type="checkbox"
                      checked={chosen.includes(o.value)}
                      onChange={(e) => toggle(o.value, e.target.checked)}
                    />
                    <label htmlFor={id(`${f.name}-${o.value}`)}>{o.label}</label>
                  </div>
                ))}
                {error ? (
                  <p id={`${id(f.name)}-err`} className="field-error" data-testid={`${step}-error`}>
                    {error}
                  </p>
                ) : null}
              </fieldset>
            );
          }
          const a = {
            id: id(f.name),
            className: "input",
            value: values[f.name],
            "aria-invalid": error ? true : undefined,
            "aria-describedby": error ? `${id(f.name)}-err` : undefined,
          };
          const set = (v: string) => setValues({ ...values, [f.name]: v });
          return (
            <div key={f.name} className={f.type === "textarea" ? "mb-3 md:col-span-2" : "mb-3"}>
              <label htmlFor={id(f.name)} className="label">
                {f.label}
              </label>
              {f.type === "textarea" ? (
                <textarea {...a} rows={3} onChange={(e) => set(e.target.value)} />
              ) : f.type === "select" ? (
                <select {...a} onChange={(e) => set(e.target.value)}>
                  <option value="">—</option>
                  {f.options!.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input {...a} type={f.type} onChange={(e) => set(e.target.value)} />
              )}
              {error ? (
                <p id={`${id(f.name)}-err`} className="field-error" data-testid={`${step}-error`}>
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      <div role="alert">
        {general ? (
          <p className="field-error mb-2" data-testid={`${step}-error`}>
            {general}
          </p>
        ) : null}
      </div>
      <button type="submit" className="btn" disabled={run.isPending}>
        {t("steps.submit")}
      </button>
    </form>
  );
}

export function ComplaintFile({ reference, canAct, today }: { reference: string; canAct: boolean; today: string }) {
  const t = useTranslations("complaints");
  const locale = useLocale() === "en" ? "en" : "nl";
  const qc = useQueryClient();
  const key = ["complaints", "file", reference];
  const file = useQuery({ queryKey: key, queryFn: () => apiFetch<File>(`/api/v1/complaints/${encodeURIComponent(reference)}`) });
  const handlers = useHandlers();
  const categories = useCategories();
  const [status, setStatus] = useState<string | null>(null);
  const [assign, setAssign] = useState<{ handlerId?: string; subject?: string; category?: string; advisoryCommittee?: boolean }>({});
  const [patchWarnings, setPatchWarnings] = useState<Warning[]>([]);
  const patch = useMutation({
    mutationFn: () => apiFetch<File>(`/api/v1/complaints/${encodeURIComponent(reference)}`, { method: "PATCH", body: assign }),
    onSuccess: (f) => {
      setPatchWarnings(f.warnings ?? []);
      setStatus(t("detail.saved"));
      qc.invalidateQueries({ queryKey: key });
    },
  });
  const done = () => {
    setStatus(t("detail.stepDone"));
    qc.invalidateQueries({ queryKey: key });
  };
  const f = file.data;
  if (!f) return <h1>{reference}</h1>;
  const warnings = patchWarnings.length ? patchWarnings : f.warnings;
  const patchErr = patch.error instanceof ApiError ? patch.error : null;
  const patchErrText = patchErr ? (t.has(`errors.${patchErr.code}`) ? t(`errors.${patchErr.code}`) : patchErr.message) : null;
  const open = f.status !== "closed";
  const opt = (ns: string, values: string[]) => values.map((v) => ({ value: v, label: t(`${ns}.${v}`) }));
  return (
    <>
      <h1>{f.reference}</h1>
      <p role="status" aria-live="polite" className="mb-4 font-semibold text-ok">
        {status}
      </p>
      {warnings.length ? (
        <div role="alert" className="card mb-4 border-danger">
          {warnings.map((w) => (
            <p key={w.code} className="field-error">
              <strong>{t("detail.warning")}:</strong> {t.has(`errors.${w.code}`) ? t(`errors.${w.code}`) : w.message}
            </p>
          ))}
        </div>
      ) : null}
      <section className="card mb-6" aria-labelledby="deadline-title">
        <h2 id="deadline-title">{t("detail.deadline")}</h2>
        <p className="text-2xl font-bold" data-testid="deadline">
          {f.deadline}
        </p>
        <p>
          {t("tracker.status")}: <span data-testid="status">{f.closedAs ? t(`closedAs.${f.closedAs}`) : t(`statuses.${f.status}`)}</span>
          {f.band ? ` — ${t(`bands.${f.band}`)}, ${t("detail.workingDaysLeft", { n: f.workingDaysLeft ?? 0 })}` : ""}
          {f.closedOn
            ? ` — ${f.closedOn}, ${f.onTime === null ? t("detail.countedApart") : f.onTime ? t("detail.closedOnTime") : t("detail.closedLate")}`
            : ""}
        </p>
        <h3 className="mt-3">{t("detail.deadlineBasis")}</h3>
        <p data-testid="deadline-basis">{f.deadlineBasis[locale]}</p>
      </section>
      <section className="card mb-6" aria-labelledby="about-title">
        <h2 id="about-title">{t("detail.complainant")}</h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
          <dt className="font-semibold">{t("form.name")}</dt>
          <dd>{f.complainant.name}</dd>
          <dt className="font-semibold">{t("form.email")}</dt>
          <dd>{f.complainant.email ?? "—"}</dd>
          <dt className="font-semibold">{t("form.address")}</dt>
          <dd className="whitespace-pre-line">{f.complainant.address ?? "—"}</dd>
          <dt className="font-semibold">{t("form.phone")}</dt>
          <dd>{f.complainant.phone ?? "—"}</dd>
          <dt className="font-semibold">{t("tracker.channel")}</dt>
          <dd>{t(`channels.${f.channel}`)}</dd>
          <dt className="font-semibold">{t("tracker.received")}</dt>
          <dd>{f.receivedOn}</dd>
          {f.oralRule ? (
            <>
              <dt className="font-semibold">{t("detail.oralRuleLabel")}</dt>
              <dd data-testid="oral-rule">{t(`detail.oralRule.${f.oralRule}`, { date: f.receivedOn })}</dd>
            </>
          ) : null}
          <dt className="font-semibold">{t("detail.category")}</dt>
          <dd data-testid="category">{categories.label(f.category)}</dd>
          <dt className="font-semibold">{t("detail.happenedWhen")}</dt>
          <dd>{f.happenedWhen ?? t("detail.noneGiven")}</dd>
          <dt className="font-semibold">{t("detail.personConcerned")}</dt>
          <dd data-testid="person-concerned">{f.personConcerned ?? t("detail.noneGiven")}</dd>
          <dt className="font-semibold">{t("detail.description")}</dt>
          <dd className="whitespace-pre-line">{f.description}</dd>
        </dl>
        {f.attachments.length ? (
          <>
            <h3 className="mt-3">{t("detail.attachments")}</h3>
            <ul>
              {f.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/api/v1/complaints/${encodeURIComponent(f.reference)}/attachments/${a.id}`}>{a.filename}</a> (
                  {Math.ceil(a.size / 1024)} kB)
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {open ? (
        <section className="card mb-6" aria-labelledby="assign-title">
          <h2 id="assign-title">{t("detail.handler")}</h2>
          <form
            className="grid gap-4 md:grid-cols-3"
            onSubmit={(e) => {
              e.preventDefault();
              patch.mutate();
            }}
          >
            <div>
              <label htmlFor="a-handler" className="label">
                {t("detail.handler")}
              </label>
              <select
                id="a-handler"
                className="input"
                value={assign.handlerId ?? f.handlerId ?? ""}
                onChange={(e) => setAssign({ ...assign, handlerId: e.target.value || undefined })}
              >
                <option value="">{t("detail.noHandler")}</option>
                {(handlers.data ?? []).map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.name}
                  </option>
                ))}
              </select>
            </div>
            {canAct ? (
              <>
                <div>
                  <label htmlFor="a-subject" className="label">
                    {t("detail.subject")}
                  </label>
                  <select
                    id="a-subject"
                    className="input"
                    value={assign.subject ?? f.subject}
                    onChange={(e) => setAssign({ ...assign, subject: e.target.value })}
                  >
                    {["processing_time", "treatment", "information", "decision_quality", "accessibility", "desk_visit", "other"].map(
                      (s) => (
                        <option key={s} value={s}>
                          {t(`subjects.${s}`)}
                        </option>
                      ),
                    )}
                  </select>
                </div>
                <div>
                  <label htmlFor="a-category" className="label">
                    {t("detail.category")}
                  </label>
                  <select
                    id="a-category"
                    className="input"
                    value={assign.category ?? f.category}
                    onChange={(e) => setAssign({ ...assign, category: e.target.value })}
                  >
                    {(categories.data ?? []).map((c) => (
                      <option key={c.key} value={c.key}>
                        {categories.label(c.key)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="flex items-center gap-2 pt-6">
                  <input
                    id="a-committee"
                    type="checkbox"
                    checked={assign.advisoryCommittee ?? f.advisoryCommittee}
                    onChange={(e) => setAssign({ ...assign, advisoryCommittee: e.target.checked })}
                  />
                  <label htmlFor="a-committee">{t("detail.advisoryCommittee")}</label>
                </div>
              </>
            ) : null}
            <div>
              <button type="submit" className="btn" disabled={patch.isPending}>
                {t("detail.assign")}
              </button>
            </div>
          </form>
          <div role="alert">
            {patchErrText ? (
              <p className="field-error mt-2" data-testid="assign-error">
                {patchErrText}
              </p>
            ) : null}
          </div>
        </section>
      ) : null}
      {open && canAct ? (
        <section className="mb-6" aria-labelledby="steps-title">
          <h2 id="steps-title">{t("detail.steps")}</h2>
          {!f.acknowledgedOn ? (
            <StepForm
              reference={f.reference}
              step="acknowledge"
              title={t("steps.acknowledge")}
              onDone={done}
              fields={[{ name: "sentOn", label: t("steps.sentOn"), type: "date", initial: today }]}
            />
          ) : null}
          <StepForm
            reference={f.reference}
            step="postpone"
            title={t("steps.postpone")}
            hint={t("steps.postponeHint", { today })}
            onDone={done}
            fields={[{ name: "until", label: t("steps.until"), type: "date" }]}
          />
          <StepForm
            reference={f.reference}
            step="consent-postpone"
            title={t("steps.consentPostpone")}
            hint={t("steps.consentPostponeHint")}
            onDone={done}
            fields={[
              { name: "until", label: t("steps.until"), type: "date" },
              { name: "consentOn", label: t("steps.consentOn"), type: "date", initial: today },
            ]}
          />
          <StepForm
            reference={f.reference}
            step="hearing"
            title={t("steps.hearing")}
            onDone={done}
            hint={t("steps.hearingHint")}
            fields={[
              { name: "on", label: t("steps.hearingOn"), type: "date" },
              {
                name: "offeredTo",
                label: t("steps.offeredTo"),
                type: "checkboxes",
                options: opt("hearingParties", f.personConcerned ? ["complainant", "person_concerned"] : ["complainant"]),
                initial: f.personConcerned ? "complainant,person_concerned" : "complainant",
              },
              { name: "report", label: t("steps.report"), type: "textarea" },
              {
                name: "skippedBecause",
                label: t("steps.skippedBecause"),
                type: "select",
                options: opt("hearingSkipGrounds", ["manifestly_unfounded", "complainant_waived", "no_reply_in_time"]),
              },
              { name: "note", label: t("steps.skipNote"), type: "textarea" },
            ]}
          />
          <StepForm
            reference={f.reference}
            step="resolve-informally"
            title={t("steps.resolveInformally")}
            onDone={done}
            fields={[
              { name: "on", label: t("steps.on"), type: "date", initial: today },
              { name: "note", label: t("steps.note"), type: "textarea" },
            ]}
          />
          <StepForm
            reference={f.reference}
            step="decline"
            title={t("steps.decline")}
            onDone={done}
            fields={[
              {
                name: "reason",
                label: t("steps.reason"),
                type: "select",
                options: opt("declineReasons", ["already_handled", "over_a_year", "objection_or_appeal", "before_court", "too_minor"]),
              },
              { name: "sentOn", label: t("steps.sentOn"), type: "date", initial: today },
            ]}
          />
          <StepForm
            reference={f.reference}
            step="decide"
            title={t("steps.decide")}
            onDone={done}
            fields={[
              {
                name: "outcome",
                label: t("steps.outcome"),
                type: "select",
                options: opt("outcomes", ["founded", "partly_founded", "unfounded", "no_judgement"]),
              },
              { name: "sentOn", label: t("steps.sentOn"), type: "date", initial: today },
              { name: "reasons", label: t("steps.reasons"), type: "textarea" },
            ]}
          />
          <StepForm
            reference={f.reference}
            step="withdraw"
            title={t("steps.withdraw")}
            hint={t("steps.withdrawHint")}
            onDone={done}
            fields={[
              { name: "withdrawnOn", label: t("steps.withdrawnOn"), type: "date", initial: today },
              { name: "note", label: t("steps.withdrawNote"), type: "textarea" },
            ]}
          />
        </section>
      ) : null}
      {!open ? <p className="card mb-6">{t("detail.closed", { date: f.closedOn ?? "" })}</p> : null}
      <section className="mb-6" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("detail.timeline")}</h2>
        <ol className="list-decimal pl-6" data-testid="timeline">
          {f.timeline
            .filter((e) => e.action !== "read")
            .map((e, i) => (
              <li key={i}>
                <time dateTime={e.at}>
                  {new Date(e.at).toLocaleString(locale === "nl" ? "nl-NL" : "en-GB", { timeZone: "Europe/Amsterdam" })}
                </time>{" "}
                — {t.has(`actions.${e.action}`) ? t(`actions.${e.action}`) : e.action} ({e.actor})
              </li>
            ))}
        </ol>
      </section>
      <section className="mb-6" aria-labelledby="letters-title">
        <h2 id="letters-title">{t("detail.letters")}</h2>
        {f.letters.length === 0 ? (
          <p>{t("detail.noLetters")}</p>
        ) : (
          <table className="table" data-testid="letters">
            <thead>
              <tr>
                <th scope="col">{t("letter.date")}</th>
                <th scope="col">{t("detail.letters")}</th>
                <th scope="col">{t("letter.to")}</th>
                <th scope="col">{t("detail.print")}</th>
              </tr>
            </thead>
            <tbody>
              {f.letters.map((l) => (
                <tr key={l.id}>
                  <td>{l.sentOn}</td>
                  <th scope="row">{t(`letterKinds.${l.kind}`)}</th>
                  <td>
                    {t(`detail.toRecipient.${l.recipient}`)}
                    {l.toAddress ? `: ${l.toAddress}` : ""} — {t(`detail.delivery.${l.delivery}`)}
                    {l.emailStatus ? ` (${t("detail.emailStatus", { status: l.emailStatus })})` : ""}
                  </td>
                  <td>
                    <Link href={`/agent/complaints/${encodeURIComponent(f.reference)}/letters/${l.id}`}>
                      {t("detail.print")}
                      <span className="sr-only">
                        {" "}
                        {t(`letterKinds.${l.kind}`)} {l.sentOn}
                      </span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="mb-6" aria-labelledby="calls-title">
        <h2 id="calls-title">{t("detail.calls")}</h2>
        {f.calls.length === 0 ? (
          <p>{t("detail.noCalls")}</p>
        ) : (
          <ul>
            {f.calls.map((c) => (
              <li key={c.id}>
                {new Date(c.offeredAt).toLocaleString(locale === "nl" ? "nl-NL" : "en-GB", { timeZone: "Europe/Amsterdam" })} —{" "}
                {c.direction} — {c.result ?? "—"}
                {c.notes ? `: ${c.notes}` : ""}
              </li>
            ))}
          </ul>
        )}
        <h3 className="mt-3">{t("detail.related")}</h3>
        {f.related.length === 0 ? (
          <p>{t("detail.noRelated")}</p>
        ) : (
          <ul>
            {f.related.map((r) => (
              <li key={`${r.type}-${r.reference}`}>
                <Link href={r.href}>{r.reference}</Link> — {r.title} ({r.status})
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
