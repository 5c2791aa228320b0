"use client";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { apiFetch } from "@/lib/client/api";

type Item = {
  number: number;
  reference: string;
  subject: string;
  queue: string;
  status: string;
  priority: string;
  tags: string[];
  assignee: { id: string; name: string } | null;
  customer: { name: string | null; email: string | null };
  dueAt: string | null;
  sla: "ok" | "due_soon" | "overdue" | "paused" | "done";
  parseFailed: boolean;
};
type List = { items: Item[]; counts: { total: number; unassigned: number; overdue: number } };
type Agent = { id: string; name: string };

export const SLA_CLASS: Record<Item["sla"], string> = {
  ok: "text-ok",
  due_soon: "font-semibold text-warn",
  overdue: "font-bold text-danger",
  paused: "text-gray-700",
  done: "text-gray-700",
};

export function TicketInbox({ queues }: { queues: string[] }) {
  const t = useTranslations("tickets");
  const fmt = useFormatter();
  const router = useRouter();
  const [queue, setQueue] = useState("");
  const [status, setStatus] = useState("");
  const [assignee, setAssignee] = useState("");
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState("");
  const [search, setSearch] = useState("");
  const [selected, setSelected] = useState(0);
  const rowLinks = useRef<(HTMLAnchorElement | null)[]>([]);

  const params = new URLSearchParams();
  if (queue) params.set("queue", queue);
  if (status) params.set("status", status);
  if (assignee) params.set("assignee", assignee);
  if (overdue) params.set("overdue", "1");
  if (search) params.set("q", search);
  const list = useQuery({
    queryKey: ["tickets", "list", params.toString()],
    queryFn: () => apiFetch<List>(`/api/v1/tickets?${params}`),
    refetchInterval: 5000,
  });
  const agents = useQuery({
    queryKey: ["tickets", "agents"],
    queryFn: () => apiFetch<Agent[]>("/api/v1/tickets/agents"),
    staleTime: 60_000,
  });
  const items = list.data?.items ?? [];

  // j/k move through the list, Enter opens (the focused link does that itself).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement;
      if (["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName) || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key !== "j" && e.key !== "k" && e.key !== "Enter") return;
      if (!items.length) return;
      if (e.key === "Enter") {
        if (el.tagName !== "A" && items[selected]) router.push(`/agent/tickets/${items[selected].number}`);
        return;
      }
      const next = Math.max(0, Math.min(items.length - 1, selected + (e.key === "j" ? 1 : -1)));
      setSelected(next);
      rowLinks.current[next]?.focus();
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [items, selected, router]);

  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1>{t("inboxTitle")}</h1>
        <Link className="btn" href="/agent/tickets/new">
          {t("newTicket")}
        </Link>
      </div>
      <form
        className="card mb-4 grid gap-4 md:grid-cols-6"
        aria-label={t("filters")}
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <div>
          <label className="label" htmlFor="f-queue">
            {t("queue")}
          </label>
          <select id="f-queue" className="input" value={queue} onChange={(e) => setQueue(e.target.value)}>
            <option value="">{t("all")}</option>
            {queues.map((x) => (
              <option key={x} value={x}>
                {t(`queues.${x}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label className="label" htmlFor="f-status">
            {t("status")}
          </label>
          <select id="f-status" className="input" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t("active")}</option>
            {["new", "open", "pending", "solved", "closed"].map((x) => (
              <option key={x} value={x}>
                {t(`statuses.${x}`)}
              </option>
            ))}
            <option value="all">{t("all")}</option>
          </select>
        </div>
        <div>
          <label className="label" htmlFor="f-assignee">
            {t("assignee")}
          </label>
          <select id="f-assignee" className="input" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">{t("all")}</option>
            <option value="me">{t("me")}</option>
            <option value="none">{t("nobody")}</option>
            {agents.data?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="md:col-span-2">
          <label className="label" htmlFor="f-q">
            {t("search")}
          </label>
          <div className="flex gap-2">
            <input id="f-q" type="search" className="input" value={q} onChange={(e) => setQ(e.target.value)} aria-describedby="f-q-hint" />
            <button type="submit" className="btn-secondary">
              {t("search")}
            </button>
          </div>
          <p id="f-q-hint" className="mt-1 text-sm text-gray-700">
            {t("searchHint")}
          </p>
        </div>
        <div className="flex items-center gap-2 self-center">
          <input id="f-overdue" type="checkbox" className="h-5 w-5" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
          <label htmlFor="f-overdue" className="font-semibold">
            {t("overdueOnly")}
          </label>
        </div>
      </form>
      <div role="status" aria-live="polite" className="mb-2 flex flex-wrap justify-between gap-2 text-sm">
        <span data-testid="ticket-counts">{list.data ? t("counts", list.data.counts) : null}</span>
        <span className="text-gray-700">{t("keyboardHint")}</span>
      </div>
      <div className="overflow-x-auto">
        <table className="table" aria-label={t("ticketList")}>
          <thead>
            <tr>
              <th scope="col">{t("colNumber")}</th>
              <th scope="col">{t("colSubject")}</th>
              <th scope="col">{t("colCustomer")}</th>
              <th scope="col">{t("colQueue")}</th>
              <th scope="col">{t("colStatus")}</th>
              <th scope="col">{t("colAssignee")}</th>
              <th scope="col">{t("colDue")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((it, i) => (
              <tr
                key={it.number}
                className={`${i === selected ? "bg-rijks-light" : ""} ${it.sla === "overdue" ? "border-l-4 border-l-danger" : it.sla === "due_soon" ? "border-l-4 border-l-warn" : ""}`}
                data-testid="ticket-row"
              >
                <td className="whitespace-nowrap">
                  <Link
                    href={`/agent/tickets/${it.number}`}
                    ref={(el) => {
                      rowLinks.current[i] = el;
                    }}
                    onFocus={() => setSelected(i)}
                  >
                    {it.reference}
                  </Link>
                </td>
                <td>
                  {it.subject}
                  {it.tags.length ? <span className="ml-2 text-xs text-gray-700">{it.tags.join(", ")}</span> : null}
                </td>
                <td>{it.customer.name ?? it.customer.email ?? "—"}</td>
                <td>{t(`queues.${it.queue}`)}</td>
                <td>{t(`statuses.${it.status}`)}</td>
                <td>{it.assignee?.name ?? "—"}</td>
                <td className="whitespace-nowrap">
                  {it.dueAt ? fmt.dateTime(new Date(it.dueAt), { dateStyle: "short", timeStyle: "short" }) : "—"}
                  <span className={`ml-2 ${SLA_CLASS[it.sla]}`}>{t(`sla.${it.sla}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.data && !items.length ? <p className="mt-4">{t("empty")}</p> : null}
      </div>
    </>
  );
}
