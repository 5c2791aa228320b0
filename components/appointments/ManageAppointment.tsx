"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Button, Card, Heading, Link, LiveRegion } from "@/components/ui";
import { queryKeys } from "@/lib/api/endpoint";
import {
  appointmentEndpoint,
  cancelEndpoint,
  desksEndpoint,
  rescheduleEndpoint,
  slotsEndpoint,
  type AppointmentView,
  type SlotView,
} from "@/lib/appointments/contract";
import { useEndpointMutation, useEndpointQuery } from "@/lib/client/endpoint";
import { useFormErrors } from "@/lib/client/form-errors";
import { AppointmentDetails } from "./AppointmentDetails";
import { SlotPicker } from "./SlotPicker";

/**
 * The manage page from the email link: view, cancel, reschedule (spec 01). Without a token it acts as the
 * signed-in agent (the API checks the role). The page may have prefetched the appointment (first paint).
 */
export function ManageAppointment({ reference, token, onChanged }: { reference: string; token?: string; onChanged?: () => void }) {
  const t = useTranslations("appointments");
  const qc = useQueryClient();
  const input = { params: { reference }, query: { token } };
  const appt = useEndpointQuery(appointmentEndpoint, input, { retry: false });
  const desks = useEndpointQuery(desksEndpoint, { query: { product: appt.data?.product } }, { enabled: !!appt.data });
  const [mode, setMode] = useState<"view" | "cancel" | "move">("view");
  const [newSlot, setNewSlot] = useState<SlotView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const changed = (a: AppointmentView, text: string) => {
    qc.setQueryData(queryKeys(appointmentEndpoint, input), a);
    setMode("view");
    setNewSlot(null);
    setMessage(text);
    onChanged?.();
  };
  const cancel = useEndpointMutation(cancelEndpoint, { onSuccess: (a) => changed(a, t("cancelled")) });
  const move = useEndpointMutation(rescheduleEndpoint, {
    onSuccess: (a) => {
      void qc.invalidateQueries({ queryKey: queryKeys(slotsEndpoint) });
      changed(a, t("moved", { time: `${a.date} ${a.startTime}` }));
    },
  });
  const errors = useFormErrors(cancel.error ?? move.error);

  if (appt.isLoading) return <p role="status">{t("loading")}</p>;
  if (appt.isError || !appt.data)
    return (
      <Alert type="error" live>
        <p>{t("manageNotFound")}</p>
      </Alert>
    );
  const a = appt.data;
  return (
    <div className="flex flex-col gap-4">
      <Card labelledBy="manage-details">
        <Heading level={2} id="manage-details">
          {t("yourAppointment")}
        </Heading>
        <AppointmentDetails a={a} />
        {a.icsUrl && a.status === "booked" ? (
          <Link button href={a.icsUrl}>
            {t("addToCalendar")}
          </Link>
        ) : null}
      </Card>
      <LiveRegion type={errors.general ? "error" : "ok"} message={errors.general ?? message} />
      {a.status === "booked" ? (
        <Card labelledBy="manage-actions">
          <Heading level={2} id="manage-actions">
            {t("changeTitle")}
          </Heading>
          {mode === "view" ? (
            <div className="flex flex-wrap gap-2">
              <Button onClick={() => setMode("move")}>{t("reschedule")}</Button>
              <Button danger onClick={() => setMode("cancel")}>
                {t("cancel")}
              </Button>
            </div>
          ) : null}
          {mode === "cancel" ? (
            <div>
              <p>{t("cancelConfirmText")}</p>
              <div className="mt-2 flex flex-wrap gap-2">
                <Button variant="primary" danger busy={cancel.isPending} onClick={() => cancel.mutate(input)}>
                  {t("cancelConfirm")}
                </Button>
                <Button onClick={() => setMode("view")}>{t("keep")}</Button>
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
                <Button
                  variant="primary"
                  disabled={!newSlot}
                  busy={move.isPending}
                  onClick={() => newSlot && move.mutate({ ...input, body: { slotId: newSlot.id } })}
                >
                  {newSlot ? t("moveTo", { time: `${newSlot.date} ${newSlot.startTime}` }) : t("reschedule")}
                </Button>
                <Button onClick={() => setMode("view")}>{t("keep")}</Button>
              </div>
            </div>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
