"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, ApiError } from "@/lib/client/api";
import { otherParty, useTopicLabel, type CallView, type CustomerCard } from "./hooks";

/** From a call: create a ticket, book an appointment, register a complaint — the caller filled in. */
export function CallActions({ call, customer }: { call: CallView; customer: CustomerCard | null }) {
  const t = useTranslations("calls");
  const qc = useQueryClient();
  const topicLabel = useTopicLabel();
  const [open, setOpen] = useState(false);
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [created, setCreated] = useState<number | null>(call.ticketId);
  const phone = otherParty(call) ?? "";
  const name = customer?.name ?? call.customerName ?? "";
  const create = useMutation({
    mutationFn: () => apiFetch<{ ticket: number }>(`/api/v1/calls/${call.id}/ticket`, { method: "POST", body: { subject, body } }),
    onSuccess: (r) => {
      setCreated(r.ticket);
      setOpen(false);
      qc.invalidateQueries({ queryKey: ["calls"] });
    },
  });
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  const appointmentHref = `/agent/appointments?${new URLSearchParams({ name, phone, email: customer?.email ?? "", callId: String(call.id) })}`;
  const complaintHref = `/agent/complaints/new?${new URLSearchParams({ callId: String(call.id), customerId: customer?.id ?? call.customerId ?? "", name, phone })}`;
  const id = `act-${call.id}`;
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-3">
      <h3 id={`${id}-h`}>{t("actions.title")}</h3>
      <div className="flex flex-wrap gap-2">
        {created ? (
          <a className="btn-secondary" href={`/agent/tickets/${created}`}>
            {t("actions.openTicket", { number: created })}
          </a>
        ) : (
          <button
            type="button"
            className="btn-secondary"
            aria-expanded={open}
            aria-controls={`${id}-ticket`}
            onClick={() => {
              setOpen(!open);
              setSubject(t("actions.phoneTicketSubject", { topic: topicLabel(call.topic) || phone }));
              setBody(call.notes ?? "");
            }}
          >
            {t("actions.createTicket")}
          </button>
        )}
        <a className="btn-secondary" href={appointmentHref}>
          {t("actions.bookAppointment")}
        </a>
        <a className="btn-secondary" href={complaintHref}>
          {t("actions.registerComplaint")}
        </a>
      </div>
      <div role="status" aria-live="polite">
        {created && !call.ticketId ? <p className="font-semibold text-ok">{t("actions.ticketCreated", { number: created })}</p> : null}
      </div>
      {open ? (
        <form
          id={`${id}-ticket`}
          className="card space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <div>
            <label htmlFor={`${id}-subject`} className="label">
              {t("actions.ticketSubject")}
            </label>
            <input
              id={`${id}-subject`}
              className="input"
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
              aria-invalid={fields.subject ? true : undefined}
              aria-describedby={fields.subject ? `${id}-subject-err` : undefined}
            />
            {fields.subject ? (
              <p id={`${id}-subject-err`} className="field-error">
                {fields.subject}
              </p>
            ) : null}
          </div>
          <div>
            <label htmlFor={`${id}-body`} className="label">
              {t("actions.ticketBody")}
            </label>
            <textarea id={`${id}-body`} className="input" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
          </div>
          <button type="submit" className="btn" disabled={create.isPending}>
            {t("actions.createTicket")}
          </button>
          {create.error && !Object.keys(fields).length ? (
            <p role="alert" className="field-error">
              {create.error.message}
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
