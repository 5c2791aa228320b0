"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, ApiError } from "@/lib/client/api";

const ROLES = ["frontdesk", "backoffice", "desk", "complaints", "supervisor", "admin"] as const;
type Key = {
  id: string;
  name: string;
  role: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export function ApiKeysAdmin() {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const fmt = useFormatter();
  const qc = useQueryClient();
  const keys = useQuery({ queryKey: ["admin", "api-keys"], queryFn: () => apiFetch<Key[]>("/api/v1/admin/api-keys") });
  const [name, setName] = useState("");
  const [role, setRole] = useState<string>("supervisor");
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => apiFetch<{ key: string }>("/api/v1/admin/api-keys", { method: "POST", body: { name, role } }),
    onSuccess: (r) => {
      setCreated(r.key);
      setName("");
      qc.invalidateQueries({ queryKey: ["admin", "api-keys"] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/admin/api-keys/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["admin", "api-keys"] }),
  });
  const nameError = create.error instanceof ApiError ? create.error.fields.name : undefined;
  const when = (d: string | null) => (d ? fmt.dateTime(new Date(d), { dateStyle: "short", timeStyle: "short" }) : tc("none"));
  return (
    <>
      <h1>{t("apiKeysTitle")}</h1>
      <section aria-labelledby="new-key" className="card mb-8">
        <h2 id="new-key">{t("newKey")}</h2>
        <form
          className="grid gap-4 md:grid-cols-3"
          onSubmit={(e) => {
            e.preventDefault();
            setCreated(null);
            create.mutate();
          }}
        >
          <div>
            <label htmlFor="k-name" className="label">
              {t("keyName")}
            </label>
            <input
              id="k-name"
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? "k-name-err" : undefined}
            />
            {nameError ? (
              <p id="k-name-err" className="field-error">
                {nameError}
              </p>
            ) : null}
          </div>
          <div>
            <label htmlFor="k-role" className="label">
              {t("role")}
            </label>
            <select id="k-role" className="input" value={role} onChange={(e) => setRole(e.target.value)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {tc(`roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="self-end">
            <button className="btn" type="submit" disabled={create.isPending}>
              {t("create")}
            </button>
          </div>
        </form>
        <div role="status" aria-live="polite">
          {created ? (
            <div className="mt-4 rounded border border-ok p-3">
              <p className="font-semibold">{t("keyCreated")}</p>
              <code className="break-all" data-testid="new-api-key">
                {created}
              </code>
            </div>
          ) : null}
        </div>
      </section>
      <div className="overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("keyName")}</th>
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("prefix")}</th>
              <th scope="col">{t("createdAt")}</th>
              <th scope="col">{t("lastUsed")}</th>
              <th scope="col">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {keys.data?.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>{tc(`roles.${k.role}`)}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{when(k.createdAt)}</td>
                <td>{when(k.lastUsedAt)}</td>
                <td>
                  {k.revokedAt ? (
                    t("revoked")
                  ) : (
                    <button type="button" className="btn-secondary px-2 py-1 text-sm" onClick={() => revoke.mutate(k.id)}>
                      {t("revoke")}
                      <span className="sr-only"> {k.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
