"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, ApiError } from "@/lib/client/api";
import { useCallMeta, useTopicLabel } from "./hooks";

const RESULTS = ["answered", "no_answer", "busy", "failed"] as const;

/** Logging a call by hand: call-backs and calls the telephone system did not report. */
export function ManualCall() {
  const t = useTranslations("calls");
  const qc = useQueryClient();
  const meta = useCallMeta();
  const topicLabel = useTopicLabel();
  const empty = { direction: "out", number: "", queue: "", result: "answered", talkMinutes: "", topic: "", notes: "" };
  const [form, setForm] = useState(empty);
  const [status, setStatus] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      apiFetch("/api/v1/calls", {
        method: "POST",
        body: {
          direction: form.direction,
          ...(form.direction === "in" ? { fromNumber: form.number || undefined } : { toNumber: form.number || undefined }),
          queue: form.queue || undefined,
          result: form.result,
          talkMinutes: form.talkMinutes ? Number(form.talkMinutes) : undefined,
          topic: form.topic || undefined,
          notes: form.notes || undefined,
        },
      }),
    onSuccess: () => {
      setStatus(t("manual.saved"));
      setForm(empty);
      qc.invalidateQueries({ queryKey: ["calls"] });
    },
  });
  const fe = save.error instanceof ApiError ? save.error.fields : {};
  const numberError = fe.number ?? fe.toNumber ?? fe.fromNumber;
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm({ ...form, [k]: e.target.value });
  return (
    <section aria-labelledby="manual-call" className="card mb-8">
      <h2 id="manual-call">{t("manual.title")}</h2>
      <p className="mb-3 text-sm text-gray-700">{t("manual.intro")}</p>
      <form
        className="grid gap-3 md:grid-cols-4"
        onSubmit={(e) => {
          e.preventDefault();
          setStatus(null);
          save.mutate();
        }}
      >
        <div>
          <label htmlFor="m-direction" className="label">
            {t("fields.direction")}
          </label>
          <select id="m-direction" className="input" value={form.direction} onChange={set("direction")}>
            <option value="out">{t("direction.out")}</option>
            <option value="in">{t("direction.in")}</option>
          </select>
        </div>
        <div>
          <label htmlFor="m-number" className="label">
            {t("manual.number")}
          </label>
          <input
            id="m-number"
            className="input"
            type="tel"
            value={form.number}
            onChange={set("number")}
            aria-invalid={numberError ? true : undefined}
            aria-describedby={numberError ? "m-number-err" : undefined}
          />
          {numberError ? (
            <p id="m-number-err" className="field-error">
              {numberError}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="m-queue" className="label">
            {t("fields.queue")}
          </label>
          <select id="m-queue" className="input" value={form.queue} onChange={set("queue")}>
            <option value="">—</option>
            {(meta.data?.queues ?? []).map((q) => (
              <option key={q} value={q}>
                {t(`queues.${q}` as "queues.frontdesk")}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="m-result" className="label">
            {t("fields.result")}
          </label>
          <select id="m-result" className="input" value={form.result} onChange={set("result")}>
            {RESULTS.map((r) => (
              <option key={r} value={r}>
                {t(`results.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="m-talk" className="label">
            {t("manual.talkMinutes")}
          </label>
          <input id="m-talk" className="input" type="number" min={0} max={600} value={form.talkMinutes} onChange={set("talkMinutes")} />
        </div>
        <div>
          <label htmlFor="m-topic" className="label">
            {t("fields.topic")}
          </label>
          <select id="m-topic" className="input" value={form.topic} onChange={set("topic")}>
            <option value="">—</option>
            {(meta.data?.topics ?? [])
              .filter((x) => x.active)
              .map((x) => (
                <option key={x.key} value={x.key}>
                  {topicLabel(x.key)}
                </option>
              ))}
          </select>
        </div>
        <div className="md:col-span-2">
          <label htmlFor="m-notes" className="label">
            {t("fields.notes")}
          </label>
          <input id="m-notes" className="input" value={form.notes} onChange={set("notes")} />
        </div>
        <div className="flex items-center gap-4 md:col-span-4">
          <button type="submit" className="btn" disabled={save.isPending}>
            {t("manual.save")}
          </button>
          <p role="status" aria-live="polite" className="font-semibold text-ok">
            {status}
          </p>
          {save.error && !numberError ? (
            <p role="alert" className="field-error">
              {save.error.message}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
