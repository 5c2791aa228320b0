"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, ApiError } from "@/lib/client/api";
import { CallActions } from "./CallActions";
import { CallLogForm } from "./CallLogForm";
import { otherParty, useWhen, type CustomerCard, type LiveCall } from "./hooks";

/**
 * The screen pop (spec 03): polls the agent's live calls every second, so an answered call shows its
 * caller within two seconds, without a reload.
 */
export function ScreenPop() {
  const t = useTranslations("calls");
  const live = useQuery({
    queryKey: ["calls", "live"],
    queryFn: () => apiFetch<{ calls: LiveCall[] }>("/api/v1/calls/live"),
    refetchInterval: 1000,
    refetchIntervalInBackground: true,
  });
  const [dismissed, setDismissed] = useState<number[]>([]);
  const calls = (live.data?.calls ?? []).filter((c) => !dismissed.includes(c.call.id) || !c.call.endedAt);
  const current = calls[0];
  return (
    <section aria-labelledby="current-call" className="card mb-8">
      <h2 id="current-call">{t("current.title")}</h2>
      <div role="status" aria-live="polite" aria-atomic="false">
        {current ? <CallHeader live={current} /> : <p>{t("current.waiting")}</p>}
      </div>
      {current ? (
        <div className="mt-4 grid gap-6 lg:grid-cols-2">
          <CallerPanel key={`caller-${current.call.id}`} live={current} />
          <div className="space-y-6">
            <CallLogForm key={`form-${current.call.id}`} call={current.call} autoFocus />
            <CallActions
              key={`act-${current.call.id}`}
              call={current.call}
              customer={current.customers.length === 1 ? current.customers[0] : null}
            />
            {current.call.endedAt ? (
              <button type="button" className="btn-secondary" onClick={() => setDismissed([...dismissed, current.call.id])}>
                {t("current.dismiss")}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
      {calls.length > 1 ? (
        <div className="mt-6">
          <h3>{t("current.otherCalls")}</h3>
          <ul className="list-disc pl-6">
            {calls.slice(1).map((c) => (
              <li key={c.call.id}>
                <a href={`/agent/calls/${c.call.id}`}>
                  {otherParty(c.call) ?? t("current.anonymous")} — {c.customers[0]?.name ?? t("current.unknownNumber")}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function CallHeader({ live }: { live: LiveCall }) {
  const t = useTranslations("calls");
  const when = useWhen();
  const c = live.call;
  const number = otherParty(c) ?? t("current.anonymous");
  const state = c.endedAt ? t("current.ended") : c.answeredAt ? t("current.active") : t("current.ringing");
  return (
    <p className="text-lg">
      <strong data-testid="screen-pop-number">
        {c.direction === "in" ? t("current.incoming", { number }) : t("current.outgoing", { number })}
      </strong>
      {" · "}
      {state}
      {" · "}
      {when(c.offeredAt, false)}
      {c.queue ? ` · ${t(`queues.${c.queue}` as "queues.frontdesk")}` : ""}
    </p>
  );
}

function CallerPanel({ live }: { live: LiveCall }) {
  const t = useTranslations("calls");
  const when = useWhen();
  const [chosen, setChosen] = useState<CustomerCard | null>(live.customers.length === 1 ? live.customers[0] : null);
  if (!chosen && live.customers.length > 1)
    return (
      <section aria-labelledby={`caller-${live.call.id}`}>
        <h3 id={`caller-${live.call.id}`}>{t("current.severalCustomers")}</h3>
        <ul className="space-y-2">
          {live.customers.map((c) => (
            <li key={c.id}>
              <button type="button" className="btn-secondary" onClick={() => setChosen(c)}>
                {t("current.choose", { name: c.name ?? c.email ?? c.id })}
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  if (!chosen) return <NewCustomer live={live} onCreated={setChosen} />;
  return (
    <section aria-labelledby={`caller-${live.call.id}`} data-testid="screen-pop-customer">
      <h3 id={`caller-${live.call.id}`}>
        {t("current.knownCustomer")}: {chosen.name ?? "—"}
      </h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4">
        <dt className="font-semibold">{t("fields.phone")}</dt>
        <dd>{chosen.phone ?? "—"}</dd>
        <dt className="font-semibold">{t("fields.email")}</dt>
        <dd>{chosen.email ?? "—"}</dd>
        <dt className="font-semibold">{t("fields.vNumber")}</dt>
        <dd>{chosen.vNumber ?? "—"}</dd>
      </dl>
      <h4 className="mt-4 font-semibold">{t("current.history")}</h4>
      {live.history.length ? (
        <ul className="space-y-1">
          {live.history.map((h) =>
            h.restricted ? (
              // a complaint outside the viewer's role: that it exists, never what it says (issue 11 item 7)
              <li key={`${h.type}-${h.id}`}>
                {t("current.restrictedComplaint")} <span className="text-sm text-gray-700">({when(h.at)})</span>
              </li>
            ) : (
              <li key={`${h.type}-${h.id}`}>
                <a href={h.href}>
                  {h.reference} — {h.title}
                </a>{" "}
                <span className="text-sm text-gray-700">
                  ({h.status}, {when(h.at)})
                </span>
              </li>
            ),
          )}
        </ul>
      ) : (
        <p>{t("current.noHistory")}</p>
      )}
    </section>
  );
}

function NewCustomer({ live, onCreated }: { live: LiveCall; onCreated: (c: CustomerCard) => void }) {
  const t = useTranslations("calls");
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ name: "", email: "", vNumber: "" });
  const id = `newcust-${live.call.id}`;
  const create = useMutation({
    mutationFn: () => apiFetch<{ id: string }>(`/api/v1/calls/${live.call.id}/customer`, { method: "POST", body: form }),
    onSuccess: (r) => {
      onCreated({ id: r.id, name: form.name, email: form.email || null, phone: otherParty(live.call), vNumber: form.vNumber || null });
      qc.invalidateQueries({ queryKey: ["calls"] });
    },
  });
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  return (
    <section aria-labelledby={`${id}-h`} data-testid="screen-pop-unknown">
      <h3 id={`${id}-h`}>{t("current.unknownNumber")}</h3>
      {!open ? (
        <button type="button" className="btn-secondary" onClick={() => setOpen(true)}>
          {t("current.newCustomer")}
        </button>
      ) : (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          {(["name", "email", "vNumber"] as const).map((f) => (
            <div key={f}>
              <label htmlFor={`${id}-${f}`} className="label">
                {t(`fields.${f}`)}
              </label>
              <input
                id={`${id}-${f}`}
                className="input"
                type={f === "email" ? "email" : "text"}
                value={form[f]}
                onChange={(e) => setForm({ ...form, [f]: e.target.value })}
                aria-invalid={fields[f] ? true : undefined}
                aria-describedby={fields[f] ? `${id}-${f}-err` : undefined}
              />
              {fields[f] ? (
                <p id={`${id}-${f}-err`} className="field-error">
                  {fields[f]}
                </p>
              ) : null}
            </div>
          ))}
          <button type="submit" className="btn" disabled={create.isPending}>
            {t("current.newCustomer")}
          </button>
        </form>
      )}
    </section>
  );
}
