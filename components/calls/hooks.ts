"use client";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useLocale } from "next-intl";
import { apiFetch } from "@/lib/client/api";
import type { HistoryItem } from "@/lib/platform/contracts";

export type Topic = { key: string; labelNl: string; labelEn: string; active: boolean };
export type CallMeta = {
  topics: Topic[];
  agents: { id: string; name: string; extension: string | null }[];
  queues: string[];
  me: string | null;
};
// The API's own type (a type-only import: nothing of the server module reaches the browser).
export type { CallView } from "@/lib/calls/service";
import type { CallView } from "@/lib/calls/service";
export type CustomerCard = { id: string; name: string | null; email: string | null; phone: string | null; vNumber: string | null };
export type LiveCall = { call: CallView; customers: CustomerCard[]; history: HistoryItem[] };

export function useCallMeta() {
  return useQuery({ queryKey: ["calls", "meta"], queryFn: () => apiFetch<CallMeta>("/api/v1/calls/meta"), staleTime: 60_000 });
}

export function useTopicLabel() {
  const locale = useLocale();
  const meta = useCallMeta();
  return (key: string | null) => {
    if (!key) return "";
    const t = meta.data?.topics.find((x) => x.key === key);
    return t ? (locale === "en" ? t.labelEn : t.labelNl) : key;
  };
}

export function useWhen() {
  const fmt = useFormatter();
  return (iso: string | null, withDate = true) =>
    iso ? fmt.dateTime(new Date(iso), withDate ? { dateStyle: "short", timeStyle: "short" } : { timeStyle: "short" }) : "—";
}

export const otherParty = (c: Pick<CallView, "direction" | "fromNumber" | "toNumber">) =>
  c.direction === "in" ? c.fromNumber : c.toNumber;
