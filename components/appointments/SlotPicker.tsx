"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button, LiveRegion } from "@/components/ui";
import { slotsEndpoint, type DeskView, type SlotView } from "@/lib/appointments/contract";
import { useEndpointQuery } from "@/lib/client/endpoint";

/** Days with free places, then the times of the chosen day (spec 01: calendar of days → times). */
export function SlotPicker({
  product,
  persons,
  desk,
  desks,
  onPick,
  exclude,
  idPrefix = "sp",
}: {
  product: string;
  persons: number;
  desk: string; // a desk code or "ALL"
  desks: DeskView[];
  onPick: (slot: SlotView) => void;
  exclude?: string;
  idPrefix?: string;
}) {
  const t = useTranslations("appointments");
  const fmt = useFormatter();
  const locale = useLocale();
  const [day, setDay] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const slots = useEndpointQuery(slotsEndpoint, { query: { desk, product, persons, limit: 3000, to: addDaysIso(60) } });
  const list = (slots.data ?? []).filter((s) => s.id !== exclude);
  const days = [...new Set(list.map((s) => s.date))].sort().slice(0, 30);
  const times = list.filter((s) => s.date === day);
  const deskName = (code: string) => {
    const d = desks.find((x) => x.code === code);
    return d ? (locale === "en" ? d.names.en : d.names.nl) : code;
  };
  const dayLabel = (d: string) =>
    fmt.dateTime(new Date(`${d}T12:00:00Z`), { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  const status = slots.isLoading ? t("loadingSlots") : slots.isError ? t("loadError") : days.length === 0 ? t("noSlots") : null;
  return (
    <div>
      <LiveRegion type={slots.isError ? "error" : "info"} message={status} className="mb-2" />
      {days.length > 0 ? (
        <fieldset className="mb-4">
          <legend className="label">{t("chooseDay")}</legend>
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {days.map((d) => (
              <li key={d}>
                <Button
                  variant={day === d ? "primary" : "secondary"}
                  className="w-full"
                  pressed={day === d}
                  data-testid={`${idPrefix}-day`}
                  onClick={() => {
                    setDay(d);
                    setPicked(null);
                  }}
                >
                  {dayLabel(d)}
                </Button>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      {day ? (
        <fieldset>
          <legend className="label">{t("chooseTime", { day: dayLabel(day) })}</legend>
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {times.map((s) => (
              <li key={s.id}>
                <Button
                  variant={picked === s.id ? "primary" : "secondary"}
                  className="w-full"
                  pressed={picked === s.id}
                  data-testid={`${idPrefix}-time`}
                  onClick={() => {
                    setPicked(s.id);
                    onPick(s);
                  }}
                >
                  {s.startTime}
                  {desk === "ALL" ? ` · ${deskName(s.desk)}` : ""}
                  <span className="sr-only"> {t("placesFree", { n: s.available })}</span>
                </Button>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
    </div>
  );
}

function addDaysIso(n: number) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
