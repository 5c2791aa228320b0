"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, ApiError } from "@/lib/client/api";
import { AppointmentDetails } from "./AppointmentDetails";
import { SlotPicker } from "./SlotPicker";
import type { AppointmentView, DeskView, SlotView } from "./types";

/** The manage page from the email link: view, cancel, reschedule (spec 01). */
/** Without a token it acts as the signed-in agent (the API checks the role). */
export function ManageAppointment({ reference, token, onChanged }: { reference: string; token?: string; onChanged?: () => void }) {
  const t = useTranslations("appointments");
  const qc = useQueryClient();
  const base = `/api/v1/appointments/${encodeURIComponent(reference)}`;
  const q = token ? `token=${encodeURIComponent(token)}` : "";
  const appt = useQuery({ queryKey: ["manage", reference], queryFn: () => apiFetch<AppointmentView>(`${base}?${q}`), retry: false });
  const desks = useQuery({
    queryKey: ["desks", appt.data?.product],
    queryFn: () => apiFetch<DeskView[]>(`/api/v1/desks?product=${appt.data!.product}`),
    enabled: !!appt.data,
  });
  const [mode, setMode] = useState<"view" | "cancel" | "move">("view");
  const [newSlot, setNewSlot] = useState<SlotView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const cancel = useMutation({
    mutationFn: () => apiFetch<AppointmentView>(`${base}?${q}`, { method: "DELETE" }),
    onSuccess: (a) => {
      qc.setQueryData(["manage", reference], a);
      setMode("view");
      setMessage(t("cancelled"));
      onChanged?.();
    },
  });
  const move = useMutation({
    mutationFn: () => apiFetch<AppointmentView>(`${base}/reschedule?${q}`, { method: "POST", body: { slotId: newSlot!.id } }),
    onSuccess: (a) => {
      qc.setQueryData(["manage", reference], a);
      qc.invalidateQueries({ queryKey: ["slots"] });
      setMode("view");
      setNewSlot(null);
      onChanged?.();
      setMessage(t("moved", { time: `${a.date} ${a.startTime}` }));
    },
  });
  const error = (cancel.error ?? move.error) as ApiError | null;

  if (appt.isLoading) return <p role="status">{t("loading")}</p>;
  if (appt.isError || !appt.data)
    return (
      <p role="alert" className="field-error">
        {t("manageNotFound")}
      </p>
    );
  const a = appt.data;
  return (
    <div className="flex flex-col gap-4">
      <section aria-labelledby="manage-details" className="card">
        <h2 id="manage-details">{t("yourAppointment")}</h2>
        <AppointmentDetails a={a} />
        {a.icsUrl && a.status === "booked" ? (
          <a className="btn-secondary" href={a.icsUrl}>
            {t("addToCalendar")}
          </a>
        ) : null}
      </section>
      <div role="status" aria-live="polite">
        {message ? <p className="font-semibold">{message}</p> : null}
        {error ? <p className="field-error">{error.code === "slot_full" ? t("slotGone") : error.message}</p> : null}
      </div>
      {a.status === "booked" ? (
        <section aria-labelledby="manage-actions" className="card">
          <h2 id="manage-actions">{t("changeTitle")}</h2>
          {mode === "view" ? (
            <div className="flex flex-wrap gap-2">
              <button type="button" className="btn-secondary" onClick={() => setMode("move")}>
                {t("reschedule")}
              </button>
              <button type="button" className="btn-danger" onClick={() => setMode("cancel")}>
                {t("cancel")}
              </button>
            </div>
          ) : null}
          {mode === "cancel" ? (
            <div>
              <p>{t("cancelConfirmText")}</p>
              <div className="mt-2 flex flex-wrap gap-2">
                <button type="button" className="btn-danger" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
                  {t("cancelConfirm")}
                </button>
                <button type="button" className="btn-secondary" onClick={() => setMode("view")}>
                  {t("keep")}
                </button>
              </div>
            </div>
          ) : null}
          {mode === "move" ? (
            <div>
              <SlotPicker
                product={a.product}
                persons={a.persons.length}
                desk={a.desk}
                desks={desks.data ?? []}
                exclude={a.slotId}
                onPick={setNewSlot}
                idPrefix="move"
              />
              <div className="mt-4 flex flex-wrap gap-2">
                <button type="button" className="btn" disabled={!newSlot || move.isPending} onClick={() => move.mutate()}>
                  {newSlot ? t("moveTo", { time: `${newSlot.date} ${newSlot.startTime}` }) : t("reschedule")}
                </button>
                <button type="button" className="btn-secondary" onClick={() => setMode("view")}>
                  {t("keep")}
                </button>
              </div>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
