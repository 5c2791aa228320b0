"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch, ApiError } from "@/lib/client/api";

/** A manual or phone ticket; `/agent/tickets/new?customerId=&callId=` comes prefilled from the call screen. */
export function NewTicketForm(props: { queues: string[]; customerId: string; callId: string; subject: string }) {
  const t = useTranslations("tickets");
  const router = useRouter();
  const [f, setF] = useState({
    subject: props.subject,
    body: "",
    queue: props.queues[0] ?? "frontdesk",
    channel: "phone",
    customerId: props.customerId,
    customerEmail: "",
    customerName: "",
    callId: props.callId,
  });
  const create = useMutation({
    mutationFn: () => apiFetch<{ number: number }>("/api/v1/tickets", { method: "POST", body: f }),
    onSuccess: (r) => router.push(`/agent/tickets/${r.number}`),
  });
  const err = (k: string) => (create.error instanceof ApiError ? create.error.fields[k] : undefined);
  const field = (k: keyof typeof f, label: string, opts: { type?: string; area?: boolean } = {}) => (
    <div>
      <label className="label" htmlFor={`nt-${k}`}>
        {label}
      </label>
      {opts.area ? (
        <textarea
          id={`nt-${k}`}
          className="input min-h-32"
          value={f[k]}
          onChange={(e) => setF({ ...f, [k]: e.target.value })}
          aria-invalid={err(k) ? true : undefined}
          aria-describedby={err(k) ? `nt-${k}-err` : undefined}
        />
      ) : (
        <input
          id={`nt-${k}`}
          type={opts.type ?? "text"}
          className="input"
          value={f[k]}
          onChange={(e) => setF({ ...f, [k]: e.target.value })}
          aria-invalid={err(k) ? true : undefined}
          aria-describedby={err(k) ? `nt-${k}-err` : undefined}
        />
      )}
      {err(k) ? (
        <p id={`nt-${k}-err`} className="field-error">
          {err(k)}
        </p>
      ) : null}
    </div>
  );
  return (
    <>
      <h1>{t("newTitle")}</h1>
      <form
        className="card grid max-w-2xl gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
        noValidate
      >
        {field("subject", t("subject"))}
        {field("body", t("body"), { area: true })}
        <div>
          <label className="label" htmlFor="nt-queue">
            {t("queue")}
          </label>
          <select id="nt-queue" className="input" value={f.queue} onChange={(e) => setF({ ...f, queue: e.target.value })}>
            {props.queues.map((q) => (
              <option key={q} value={q}>
                {t(`queues.${q}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label className="label" htmlFor="nt-channel">
            {t("channel")}
          </label>
          <select id="nt-channel" className="input" value={f.channel} onChange={(e) => setF({ ...f, channel: e.target.value })}>
            {["phone", "email", "web"].map((c) => (
              <option key={c} value={c}>
                {t(`channels.${c}`)}
              </option>
            ))}
          </select>
        </div>
        {props.customerId ? (
          field("customerId", t("customerIdLabel"))
        ) : (
          <>
            {field("customerEmail", t("customerEmail"), { type: "email" })}
            {field("customerName", t("customerName"))}
          </>
        )}
        {props.callId ? field("callId", t("callIdLabel")) : null}
        {create.error && !Object.keys((create.error as ApiError).fields ?? {}).length ? (
          <p role="alert" className="field-error">
            {(create.error as Error).message}
          </p>
        ) : null}
        <div>
          <button className="btn" type="submit" disabled={create.isPending}>
            {t("create")}
          </button>
        </div>
      </form>
    </>
  );
}
