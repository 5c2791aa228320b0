"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { apiFetch, ApiError } from "@/lib/client/api";
import { useCallMeta, type CallView } from "./hooks";

/**
 * The call note: topic as radio buttons (Alt+1…n picks one), the note (focused when the call pops), Enter
 * saves. Built for ~40 calls a day per agent: a topic and a line of notes in a few keystrokes.
 */
export function CallLogForm({ call, autoFocus = false, customerId }: { call: CallView; autoFocus?: boolean; customerId?: string | null }) {
  const t = useTranslations("calls");
  const locale = useLocale();
  const qc = useQueryClient();
  const meta = useCallMeta();
  const topics = (meta.data?.topics ?? []).filter((x) => x.active || x.key === call.topic);
  const [topic, setTopic] = useState<string | null>(call.topic);
  const [notes, setNotes] = useState(call.notes ?? "");
  const [callbackWanted, setCallbackWanted] = useState(call.callbackWanted);
  const [status, setStatus] = useState<string | null>(null);
  const notesRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    setTopic(call.topic);
    setNotes(call.notes ?? "");
    setCallbackWanted(call.callbackWanted);
    setStatus(null);
    if (autoFocus) notesRef.current?.focus();
    // Only when another call is shown: polling must not overwrite what the agent is typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [call.id]);

  const save = useMutation({
    mutationFn: () =>
      apiFetch<CallView>(`/api/v1/calls/${call.id}`, {
        method: "PATCH",
        body: { topic, notes: notes || null, callbackWanted, ...(customerId && !call.customerId ? { customerId } : {}) },
      }),
    onSuccess: () => {
      setStatus(t("form.saved"));
      qc.invalidateQueries({ queryKey: ["calls"] });
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fields : {};

  const onKeyDown = (e: React.KeyboardEvent) => {
    // e.code, not e.key: on a Mac, Alt+1 types "¡".
    const digit = e.altKey ? /^(?:Digit|Numpad)([1-9])$/.exec(e.code)?.[1] : undefined;
    if (digit) {
      const pick = topics[Number(digit) - 1];
      if (pick) {
        e.preventDefault();
        setTopic(pick.key);
      }
    }
  };

  const id = `call-${call.id}`;
  return (
    <form
      ref={formRef}
      aria-labelledby={`${id}-title`}
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        setStatus(null);
        save.mutate();
      }}
      className="space-y-3"
    >
      <h3 id={`${id}-title`}>{t("form.title")}</h3>
      <fieldset aria-describedby={`${id}-shortcuts${fields.topic ? ` ${id}-topic-err` : ""}`}>
        <legend className="label">{t("form.topic")}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {topics.map((tp, i) => (
            <label key={tp.key} className="inline-flex items-center gap-1">
              <input type="radio" name={`${id}-topic`} value={tp.key} checked={topic === tp.key} onChange={() => setTopic(tp.key)} />
              <span>
                <span aria-hidden="true" className="mr-1 rounded border border-gray-400 px-1 text-xs">
                  {i + 1}
                </span>
                {locale === "en" ? tp.labelEn : tp.labelNl}
              </span>
            </label>
          ))}
        </div>
        {fields.topic ? (
          <p id={`${id}-topic-err`} className="field-error">
            {fields.topic}
          </p>
        ) : null}
      </fieldset>
      <p id={`${id}-shortcuts`} className="text-sm text-gray-700">
        {t("form.shortcuts", { n: Math.min(9, topics.length) })}
      </p>
      <div>
        <label htmlFor={`${id}-notes`} className="label">
          {t("form.notes")}
        </label>
        <input
          ref={notesRef}
          id={`${id}-notes`}
          className="input"
          value={notes}
          maxLength={5000}
          onChange={(e) => setNotes(e.target.value)}
          aria-invalid={fields.notes ? true : undefined}
          aria-describedby={fields.notes ? `${id}-notes-err` : undefined}
        />
        {fields.notes ? (
          <p id={`${id}-notes-err`} className="field-error">
            {fields.notes}
          </p>
        ) : null}
      </div>
      <label className="inline-flex items-center gap-2">
        <input type="checkbox" checked={callbackWanted} onChange={(e) => setCallbackWanted(e.target.checked)} />
        {t("form.callbackWanted")}
      </label>
      <div className="flex items-center gap-4">
        <button type="submit" className="btn" disabled={save.isPending}>
          {t("form.save")}
        </button>
        <p role="status" aria-live="polite" className="font-semibold text-ok">
          {status}
        </p>
        {save.error && !Object.keys(fields).length ? (
          <p role="alert" className="field-error">
            {save.error.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
