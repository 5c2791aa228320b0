"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { AuthResults } from "@/db/schema/tickets";
import { authFailed } from "@/lib/tickets/auth-results";
import { apiFetch, ApiError } from "@/lib/client/api";
import { SLA_CLASS } from "./TicketInbox";

type Message = {
  id: string;
  direction: "in" | "out" | "note";
  author: string | null;
  fromAddress: string | null;
  toAddress: string | null;
  subject: string | null;
  text: string;
  html: string | null;
  remoteImages: boolean;
  parseFailed: boolean;
  hasRaw: boolean;
  version: number;
  authResults: AuthResults | null;
  delivery: { status: string; error: string | null; sentAt: string | null } | null;
  attachments: { id: string; filename: string; contentType: string; size: number }[];
  createdAt: string;
};
type Ticket = {
  number: number;
  reference: string;
  subject: string;
  queue: string;
  status: string;
  priority: string;
  tags: string[];
  channel: string;
  language: "nl" | "en";
  parseFailed: boolean;
  version: number;
  assignee: { id: string; name: string } | null;
  customer: { id: string; name: string | null; email: string | null; phone: string | null; vNumber: string | null } | null;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  sla: keyof typeof SLA_CLASS;
  linkedTicket: number | null;
  mergedInto: number | null;
  readOnly: boolean;
  complaint: { reference: string } | null;
  messages: Message[];
  history: { type: string; id: string; reference: string; title: string; status: string; at: string; href: string; restricted?: boolean }[];
  audit: { at: string; actor: string; action: string }[];
};
type Saved = { id: string; language: string; title: string; body: string };
type Agent = { id: string; name: string };
type Presence = { version: number; others: { name: string; typing: boolean }[] };

const STATUSES = ["new", "open", "pending", "solved", "closed"] as const;

function fill(body: string, name: string | null, number: number) {
  return body.replace(/\{\{\s*name\s*\}\}/g, name ?? "").replace(/\{\{\s*ticket\s*\}\}/g, `KIC-${number}`);
}

/** Any agent may move a ticket to any queue (a frontdesk agent escalates to backoffice, and then no longer sees it). */
const QUEUES = ["frontdesk", "backoffice", "partners"] as const;

export function TicketView({ number, me }: { number: number; me: { id: string; name: string } }) {
  const t = useTranslations("tickets");
  const fmt = useFormatter();
  const qc = useQueryClient();
  const [showImages, setShowImages] = useState(false);
  const key = ["tickets", "one", number, showImages];
  const ticket = useQuery({
    queryKey: key,
    queryFn: () => apiFetch<Ticket>(`/api/v1/tickets/${number}${showImages ? "?images=1" : ""}`),
    refetchInterval: 5000,
  });
  const d = ticket.data;
  // The version the agent is working from; a reply over a newer one is refused and shown (stale_ticket).
  const [seenVersion, setSeenVersion] = useState<number | null>(null);
  useEffect(() => {
    if (d && seenVersion === null) setSeenVersion(d.version);
  }, [d, seenVersion]);

  const [reply, setReply] = useState("");
  const [statusAfter, setStatusAfter] = useState("pending");
  const [note, setNote] = useState("");
  const [flash, setFlash] = useState<string | null>(null);
  const [stale, setStale] = useState<string | null>(null);
  const lastTyped = useRef(0);

  const presence = useQuery({
    queryKey: ["tickets", "presence", number],
    queryFn: () =>
      apiFetch<Presence>(`/api/v1/tickets/${number}/presence`, { method: "POST", body: { typing: Date.now() - lastTyped.current < 6000 } }),
    refetchInterval: 4000,
  });
  useEffect(() => {
    const leave = () => void fetch(`/api/v1/tickets/${number}/presence`, { method: "DELETE", keepalive: true });
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [number]);

  const refresh = () => qc.invalidateQueries({ queryKey: ["tickets", "one", number] });
  const send = useMutation({
    mutationFn: (expectedVersion: number) =>
      apiFetch<{ version: number }>(`/api/v1/tickets/${number}/replies`, {
        method: "POST",
        body: { body: reply, status: statusAfter, expectedVersion },
      }),
    onSuccess: (r) => {
      setReply("");
      setStale(null);
      setSeenVersion(r.version);
      setFlash(t("sent"));
      refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === "stale_ticket") {
        setStale(e.message);
        refresh();
      }
    },
  });
  const addNote = useMutation({
    mutationFn: () => apiFetch<{ version: number }>(`/api/v1/tickets/${number}/notes`, { method: "POST", body: { body: note } }),
    onSuccess: (r) => {
      setNote("");
      if (seenVersion !== null && d && seenVersion === d.version) setSeenVersion(r.version);
      setFlash(t("noteAdded"));
      refresh();
    },
  });
  const patch = useMutation({
    mutationFn: (body: Record<string, unknown>) => apiFetch<{ version: number }>(`/api/v1/tickets/${number}`, { method: "PATCH", body }),
    onSuccess: (r) => {
      if (seenVersion !== null && d && seenVersion === d.version) setSeenVersion(r.version);
      setFlash(t("saved"));
      refresh();
    },
  });
  const [mergeInto, setMergeInto] = useState("");
  const merge = useMutation({
    mutationFn: () => apiFetch(`/api/v1/tickets/${number}/merge`, { method: "POST", body: { into: mergeInto.replace(/\D/g, "") } }),
    onSuccess: () => {
      setFlash(t("merged", { ref: `KIC-${mergeInto.replace(/\D/g, "")}` }));
      refresh();
    },
  });

  // saved replies
  const [savedQ, setSavedQ] = useState("");
  const [savedLang, setSavedLang] = useState<"" | "nl" | "en">("");
  useEffect(() => {
    if (d && savedLang === "") setSavedLang(d.language);
  }, [d, savedLang]);
  const saved = useQuery({
    queryKey: ["tickets", "saved", savedQ, savedLang],
    queryFn: () =>
      apiFetch<Saved[]>(
        `/api/v1/tickets/saved-replies?${new URLSearchParams({ ...(savedQ ? { q: savedQ } : {}), ...(savedLang ? { language: savedLang } : {}) })}`,
      ),
    enabled: !!d && !d.readOnly,
  });
  const agents = useQuery({
    queryKey: ["tickets", "agents"],
    queryFn: () => apiFetch<Agent[]>("/api/v1/tickets/agents"),
    staleTime: 60_000,
    enabled: !!d && !d.readOnly,
  });
  const [assignee, setAssignee] = useState("");
  const [queue, setQueue] = useState("");
  const [status, setStatus] = useState("");
  const [tags, setTags] = useState<string | null>(null);
  const [priority, setPriority] = useState("");

  if (ticket.error) return <p role="alert">{(ticket.error as Error).message}</p>;
  if (!d) return <p role="status">…</p>;
  const when = (s: string | null) => (s ? fmt.dateTime(new Date(s), { dateStyle: "medium", timeStyle: "short" }) : "—");
  const fieldErr = (e: unknown, f: string) => (e instanceof ApiError ? e.fields[f] : undefined);
  const others = presence.data?.others ?? [];

  return (
    <>
      <p className="mb-2">
        <Link href="/agent/tickets">{t("back")}</Link>
      </p>
      <h1>
        {d.reference}: {d.subject}
      </h1>
      <div role="status" aria-live="polite" className="mb-3" data-testid="presence">
        {others.map((o) => (
          <p key={o.name} className="rounded border border-warn bg-amber-50 px-3 py-1 font-semibold text-warn">
            {o.typing ? t("presenceTyping", { name: o.name }) : t("presenceViewing", { name: o.name })}
          </p>
        ))}
      </div>
      <div role="status" aria-live="polite" className="mb-3">
        {flash ? <p className="rounded border border-ok px-3 py-1 text-ok">{flash}</p> : null}
      </div>
      <dl className="mb-4 grid grid-cols-2 gap-x-4 gap-y-1 text-sm md:grid-cols-4">
        <dt className="font-semibold">{t("status")}</dt>
        <dd data-testid="ticket-status">{t(`statuses.${d.status}`)}</dd>
        <dt className="font-semibold">{t("queue")}</dt>
        <dd>{t(`queues.${d.queue}`)}</dd>
        <dt className="font-semibold">{t("assignee")}</dt>
        <dd data-testid="ticket-assignee">{d.assignee?.name ?? "—"}</dd>
        <dt className="font-semibold">{t("channel")}</dt>
        <dd>{t(`channels.${d.channel}`)}</dd>
        <dt className="font-semibold">{t("dueFirst")}</dt>
        <dd>
          {when(d.firstResponseDueAt)} <span className={SLA_CLASS[d.sla]}>{t(`sla.${d.sla}`)}</span>
        </dd>
        <dt className="font-semibold">{t("dueResolution")}</dt>
        <dd>{when(d.resolutionDueAt)}</dd>
        <dt className="font-semibold">{t("tags")}</dt>
        <dd>{d.tags.join(", ") || "—"}</dd>
        <dt className="font-semibold">{t("priority")}</dt>
        <dd>{t(`priorities.${d.priority}`)}</dd>
      </dl>
      {d.mergedInto ? (
        <p className="mb-2">
          {t("merged", { ref: `KIC-${d.mergedInto}` })} — <Link href={`/agent/tickets/${d.mergedInto}`}>KIC-{d.mergedInto}</Link>
        </p>
      ) : null}
      {d.linkedTicket ? (
        <p className="mb-2">
          {t("linked", { ref: `KIC-${d.linkedTicket}` })} — <Link href={`/agent/tickets/${d.linkedTicket}`}>KIC-{d.linkedTicket}</Link>
        </p>
      ) : null}
      {d.readOnly ? (
        <p className="card mb-4" data-testid="complaint-mail">
          {t("complaintMail")}{" "}
          {d.complaint ? (
            <Link href={`/agent/complaints/${encodeURIComponent(d.complaint.reference)}`}>
              {t("complaintFile", { ref: d.complaint.reference })}
            </Link>
          ) : null}
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <section aria-labelledby="thread-h">
            <h2 id="thread-h">{t("thread")}</h2>
            <ol className="space-y-4">
              {d.messages.map((m) => {
                const isNew = seenVersion !== null && m.version > seenVersion;
                const style =
                  m.direction === "note"
                    ? "border-l-8 border-amber-600 bg-amber-50"
                    : m.direction === "out"
                      ? "border-l-8 border-rijks bg-rijks-light"
                      : "border-l-8 border-gray-500 bg-white";
                return (
                  <li key={m.id} className={`rounded border border-gray-300 p-3 ${style}`} data-testid={`message-${m.direction}`}>
                    <p className="mb-1 text-sm">
                      <strong>
                        {m.direction === "note" ? t("internalNote") : m.direction === "out" ? t("ourReply") : t("customerMail")}
                      </strong>
                      {" · "}
                      {m.author ?? m.fromAddress ?? "—"} · {when(m.createdAt)}
                      {isNew ? <strong className="ml-2 text-danger">{t("newBadge")}</strong> : null}
                      {m.delivery ? (
                        <span
                          className={`ml-2 ${m.delivery.status === "failed" ? "text-danger" : m.delivery.status === "sent" ? "text-ok" : "text-warn"}`}
                        >
                          {t(`delivery.${m.delivery.status}`)}
                          {m.delivery.error ? ` — ${t("deliveryError", { error: m.delivery.error })}` : null}
                        </span>
                      ) : null}
                    </p>
                    {m.authResults ? <AuthLine a={m.authResults} /> : null}
                    {m.parseFailed ? <p className="font-semibold text-danger">{t("parseFailed")}</p> : null}
                    {m.html ? (
                      <>
                        {m.remoteImages && !showImages ? (
                          <p className="mb-1 text-sm">
                            {t("imagesBlocked")}{" "}
                            <button type="button" className="btn-secondary px-2 py-0 text-sm" onClick={() => setShowImages(true)}>
                              {t("showImages")}
                            </button>
                          </p>
                        ) : null}
                        <div className="mail-html break-words" dangerouslySetInnerHTML={{ __html: m.html }} />
                      </>
                    ) : (
                      <div className="whitespace-pre-wrap break-words">{m.text}</div>
                    )}
                    {m.attachments.length ? (
                      <ul className="mt-2 text-sm">
                        {m.attachments.map((a) => (
                          <li key={a.id}>
                            <a href={`/api/v1/tickets/${d.number}/attachments/${a.id}`} download>
                              {a.filename}
                            </a>{" "}
                            ({Math.ceil(a.size / 1024)} kB)
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {m.hasRaw && m.parseFailed ? (
                      <a className="text-sm" href={`/api/v1/tickets/${d.number}/messages/${m.id}/raw`} download>
                        {t("rawSource")}
                      </a>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </section>

          {d.readOnly ? null : (
            <>
              <section aria-labelledby="reply-h" className="card mt-6">
                <h2 id="reply-h">{t("reply")}</h2>
                {stale ? (
                  <div role="alert" className="mb-3 rounded border-2 border-danger p-3" data-testid="stale-warning">
                    <p className="font-bold">{t("staleTitle")}</p>
                    <p>{t("staleText", { message: stale })}</p>
                    <button type="button" className="btn-danger mt-2" onClick={() => send.mutate(d.version)}>
                      {t("sendAnyway")}
                    </button>
                  </div>
                ) : null}
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    setFlash(null);
                    send.mutate(seenVersion ?? d.version);
                  }}
                >
                  <fieldset className="mb-3 rounded border border-gray-300 p-3">
                    <legend className="px-1 font-semibold">{t("savedReplies")}</legend>
                    <div className="grid gap-2 md:grid-cols-3">
                      <div className="md:col-span-2">
                        <label className="label" htmlFor="saved-q">
                          {t("savedReplySearch")}
                        </label>
                        <input id="saved-q" type="search" className="input" value={savedQ} onChange={(e) => setSavedQ(e.target.value)} />
                      </div>
                      <div>
                        <label className="label" htmlFor="saved-lang">
                          {t("savedReplyLanguage")}
                        </label>
                        <select
                          id="saved-lang"
                          className="input"
                          value={savedLang}
                          onChange={(e) => setSavedLang(e.target.value as "nl" | "en")}
                        >
                          <option value="nl">Nederlands</option>
                          <option value="en">English</option>
                        </select>
                      </div>
                    </div>
                    <ul className="mt-2 max-h-48 overflow-y-auto text-sm">
                      {saved.data?.map((s) => (
                        <li key={s.id} className="flex items-center justify-between gap-2 border-b border-gray-200 py-1">
                          <span>{s.title}</span>
                          <button
                            type="button"
                            className="btn-secondary px-2 py-0 text-sm"
                            aria-label={`${t("insert")}: ${s.title}`}
                            onClick={() => setReply((r) => (r ? `${r}\n\n` : "") + fill(s.body, d.customer?.name ?? null, d.number))}
                          >
                            {t("insert")}
                          </button>
                        </li>
                      ))}
                      {saved.data && !saved.data.length ? <li>{t("noSavedReplies")}</li> : null}
                    </ul>
                  </fieldset>
                  <label className="label" htmlFor="reply-body">
                    {t("replyBody")}
                  </label>
                  <textarea
                    id="reply-body"
                    className="input min-h-40"
                    value={reply}
                    onChange={(e) => {
                      setReply(e.target.value);
                      lastTyped.current = Date.now();
                    }}
                    aria-invalid={fieldErr(send.error, "body") ? true : undefined}
                    aria-describedby={fieldErr(send.error, "body") ? "reply-err" : undefined}
                  />
                  {fieldErr(send.error, "body") ? (
                    <p id="reply-err" className="field-error">
                      {fieldErr(send.error, "body")}
                    </p>
                  ) : null}
                  {send.error && !(send.error instanceof ApiError && (send.error.code === "stale_ticket" || send.error.fields.body)) ? (
                    <p role="alert" className="field-error">
                      {(send.error as Error).message}
                    </p>
                  ) : null}
                  <div className="mt-3 flex flex-wrap items-end gap-3">
                    <div>
                      <label className="label" htmlFor="reply-status">
                        {t("statusAfterSend")}
                      </label>
                      <select id="reply-status" className="input" value={statusAfter} onChange={(e) => setStatusAfter(e.target.value)}>
                        {STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {t(`statuses.${s}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <button type="submit" className="btn" disabled={send.isPending || !reply.trim() || !d.customer?.email}>
                      {t("send")}
                    </button>
                  </div>
                </form>
              </section>

              <section aria-labelledby="note-h" className="card mt-6 border-amber-600 bg-amber-50">
                <h2 id="note-h">{t("note")}</h2>
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    addNote.mutate();
                  }}
                >
                  <label className="label" htmlFor="note-body">
                    {t("noteBody")}
                  </label>
                  <textarea id="note-body" className="input min-h-24" value={note} onChange={(e) => setNote(e.target.value)} />
                  <button type="submit" className="btn-secondary mt-2" disabled={addNote.isPending || !note.trim()}>
                    {t("addNote")}
                  </button>
                </form>
              </section>
            </>
          )}
        </div>

        <aside className="space-y-6" aria-label={t("customer")}>
          <section aria-labelledby="cust-h" className="card">
            <h2 id="cust-h">{t("customer")}</h2>
            {d.customer ? (
              <dl className="text-sm">
                <dt className="font-semibold">{d.customer.name ?? "—"}</dt>
                <dd>{d.customer.email}</dd>
                {d.customer.phone ? <dd>{d.customer.phone}</dd> : null}
                {d.customer.vNumber ? <dd>V {d.customer.vNumber}</dd> : null}
              </dl>
            ) : (
              <p>{t("noCustomer")}</p>
            )}
            <h3 className="mt-3">{t("history")}</h3>
            {d.history.length ? (
              <ul className="text-sm" data-testid="customer-history">
                {d.history.map((h) => (
                  <li key={`${h.type}-${h.id}`} className="border-b border-gray-200 py-1">
                    {h.restricted ? (
                      <>
                        {t(`historyTypes.${h.type}`)}: {t("historyRestrictedComplaint")} ({when(h.at)})
                      </>
                    ) : (
                      <>
                        {t(`historyTypes.${h.type}`)}: <Link href={h.href}>{h.reference}</Link> — {h.title} ({h.status}, {when(h.at)})
                      </>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm">{t("noHistory")}</p>
            )}
          </section>

          {d.readOnly ? null : (
            <section aria-labelledby="act-h" className="card space-y-4">
              <h2 id="act-h">{t("actions")}</h2>
              <form
                className="space-y-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  patch.mutate({ assignee: assignee === "none" ? null : assignee || me.id });
                }}
              >
                <label className="label" htmlFor="act-assignee">
                  {t("assignTo")}
                </label>
                <select id="act-assignee" className="input" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
                  <option value="">
                    {t("me")} ({me.name})
                  </option>
                  <option value="none">{t("nobody")}</option>
                  {agents.data
                    ?.filter((a) => a.id !== me.id)
                    .map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                </select>
                <button type="submit" className="btn-secondary" aria-label={`${t("apply")}: ${t("assignTo")}`}>
                  {t("apply")}
                </button>
              </form>
              <form
                className="space-y-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (queue) patch.mutate({ queue });
                }}
              >
                <label className="label" htmlFor="act-queue">
                  {t("moveQueue")}
                </label>
                <select id="act-queue" className="input" value={queue || d.queue} onChange={(e) => setQueue(e.target.value)}>
                  {QUEUES.map((x) => (
                    <option key={x} value={x}>
                      {t(`queues.${x}`)}
                    </option>
                  ))}
                </select>
                <button type="submit" className="btn-secondary" aria-label={`${t("apply")}: ${t("moveQueue")}`}>
                  {t("apply")}
                </button>
              </form>
              <form
                className="space-y-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  patch.mutate({ status: status || d.status });
                }}
              >
                <label className="label" htmlFor="act-status">
                  {t("changeStatus")}
                </label>
                <select id="act-status" className="input" value={status || d.status} onChange={(e) => setStatus(e.target.value)}>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`statuses.${s}`)}
                    </option>
                  ))}
                </select>
                <button type="submit" className="btn-secondary" aria-label={`${t("apply")}: ${t("changeStatus")}`}>
                  {t("apply")}
                </button>
              </form>
              <form
                className="space-y-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  patch.mutate({ priority: priority || d.priority });
                }}
              >
                <label className="label" htmlFor="act-priority">
                  {t("priority")}
                </label>
                <select id="act-priority" className="input" value={priority || d.priority} onChange={(e) => setPriority(e.target.value)}>
                  {["low", "normal", "high", "urgent"].map((p) => (
                    <option key={p} value={p}>
                      {t(`priorities.${p}`)}
                    </option>
                  ))}
                </select>
                <button type="submit" className="btn-secondary" aria-label={`${t("apply")}: ${t("priority")}`}>
                  {t("apply")}
                </button>
              </form>
              <form
                className="space-y-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  patch.mutate({
                    tags: (tags ?? d.tags.join(", "))
                      .split(",")
                      .map((x) => x.trim())
                      .filter(Boolean),
                  });
                }}
              >
                <label className="label" htmlFor="act-tags">
                  {t("tags")}
                </label>
                <input
                  id="act-tags"
                  className="input"
                  value={tags ?? d.tags.join(", ")}
                  onChange={(e) => setTags(e.target.value)}
                  aria-describedby="act-tags-hint"
                />
                <p id="act-tags-hint" className="text-sm text-gray-700">
                  {t("tagsHint")}
                </p>
                <button type="submit" className="btn-secondary" aria-label={`${t("apply")}: ${t("tags")}`}>
                  {t("apply")}
                </button>
              </form>
              {patch.error ? (
                <p role="alert" className="field-error">
                  {(patch.error as Error).message}
                </p>
              ) : null}
              <form
                className="space-y-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  merge.mutate();
                }}
              >
                <label className="label" htmlFor="act-merge">
                  {t("mergeInto")}
                </label>
                <input
                  id="act-merge"
                  className="input"
                  inputMode="numeric"
                  value={mergeInto}
                  onChange={(e) => setMergeInto(e.target.value)}
                  aria-invalid={merge.error ? true : undefined}
                  aria-describedby={merge.error ? "merge-err" : undefined}
                />
                {merge.error ? (
                  <p id="merge-err" className="field-error">
                    {(merge.error as Error).message}
                  </p>
                ) : null}
                <button type="submit" className="btn-secondary" disabled={!mergeInto.trim()}>
                  {t("merge")}
                </button>
              </form>
            </section>
          )}

          <section aria-labelledby="audit-h" className="card">
            <h2 id="audit-h">{t("audit")}</h2>
            <ul className="max-h-72 overflow-y-auto text-sm">
              {d.audit.map((e, i) => (
                <li key={i} className="border-b border-gray-200 py-1">
                  {when(e.at)} — {e.actor}: {e.action}
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </>
  );
}

/**
 * SPF/DKIM/DMARC as our front MTA recorded them (issue 11 item 9): a failed check says so plainly, because the
 * From address of such a mail may be forged.
 */
function AuthLine({ a }: { a: AuthResults }) {
  const t = useTranslations("tickets");
  const failed = authFailed(a);
  const part = (name: string, result: string | undefined, domain?: string) =>
    result ? `${name} ${t.has(`auth.results.${result}`) ? t(`auth.results.${result}`) : result}${domain ? ` (${domain})` : ""}` : null;
  const parts = [part("SPF", a.spf, a.spfDomain), part("DKIM", a.dkim, a.dkimDomain), part("DMARC", a.dmarc, a.fromDomain)].filter(Boolean);
  return (
    <p className={`mb-1 text-sm ${failed ? "font-semibold text-danger" : "text-gray-700"}`} data-testid="auth-results">
      {t("auth.label")}: {parts.join(" · ")}
      {failed ? ` — ${t("auth.failed")}` : null}
    </p>
  );
}
