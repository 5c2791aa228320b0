"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { otherParty, useWhen, type CallView } from "./hooks";

const OUTCOMES = ["reached", "no_answer", "voicemail", "wrong_number"] as const;

/** Missed calls with a "call back" action that records its outcome (the seed's "Praten werkt!"). */
export function MissedCalls() {
  const t = useTranslations("calls");
  const when = useWhen();
  const missed = useQuery({
    queryKey: ["calls", "missed"],
    queryFn: () => apiFetch<{ calls: CallView[]; total: number }>("/api/v1/calls?result=missed&limit=20"),
    refetchInterval: 30_000,
  });
  const [status, setStatus] = useState<string | null>(null);
  return (
    <section aria-labelledby="missed-calls" className="card mb-8">
      <h2 id="missed-calls">{t("missed.title")}</h2>
      <p role="status" aria-live="polite" className="font-semibold text-ok">
        {status}
      </p>
      {missed.data && !missed.data.calls.length ? <p>{t("missed.empty")}</p> : null}
      <ul className="divide-y divide-gray-200">
        {missed.data?.calls.map((c) => (
          <MissedRow key={c.id} call={c} when={when(c.offeredAt)} onDone={() => setStatus(t("missed.recorded"))} />
        ))}
      </ul>
    </section>
  );
}

function MissedRow({ call, when, onDone }: { call: CallView; when: string; onDone: () => void }) {
  const t = useTranslations("calls");
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>("reached");
  const [notes, setNotes] = useState("");
  const number = otherParty(call) ?? "";
  const record = useMutation({
    mutationFn: () => apiFetch(`/api/v1/calls/${call.id}/callback`, { method: "POST", body: { outcome, notes: notes || undefined } }),
    onSuccess: () => {
      setOpen(false);
      onDone();
      qc.invalidateQueries({ queryKey: ["calls"] });
    },
  });
  const id = `cb-${call.id}`;
  return (
    <li className="py-2">
      <div className="flex flex-wrap items-center gap-3">
        <span>
          {when} · <a href={`tel:${number}`}>{number}</a>
          {call.customerName ? ` · ${call.customerName}` : ""} · {t(`results.${call.result ?? "open"}` as "results.open")}
        </span>
        <button
          type="button"
          className="btn-secondary px-2 py-1 text-sm"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          {t("missed.callBack")}
          <span className="sr-only"> {number}</span>
        </button>
      </div>
      {open ? (
        <form
          id={id}
          aria-label={t("missed.callBackFor", { number })}
          className="mt-2 grid gap-3 md:grid-cols-3"
          onSubmit={(e) => {
            e.preventDefault();
            record.mutate();
          }}
        >
          <div>
            <label htmlFor={`${id}-outcome`} className="label">
              {t("missed.outcome")}
            </label>
            <select id={`${id}-outcome`} className="input" value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`missed.outcomes.${o}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-notes`} className="label">
              {t("fields.notes")}
            </label>
            <input id={`${id}-notes`} className="input" value={notes} onChange={(e) => setNotes(e.target.value)} />
          </div>
          <div className="self-end">
            <button type="submit" className="btn" disabled={record.isPending}>
              {t("missed.record")}
            </button>
            {record.error ? (
              <p role="alert" className="field-error">
                {record.error.message}
              </p>
            ) : null}
          </div>
        </form>
      ) : null}
    </li>
  );
}
