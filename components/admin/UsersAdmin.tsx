"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, ApiError } from "@/lib/client/api";

const ROLES = ["frontdesk", "backoffice", "desk", "complaints", "supervisor", "admin"] as const;
type User = { id: string; email: string; name: string; role: string; deskCodes: string[]; extension: string | null; active: boolean };

export function useUsers() {
  return useQuery({ queryKey: ["admin", "users"], queryFn: () => apiFetch<User[]>("/api/v1/admin/users") });
}

export function UsersAdmin() {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const qc = useQueryClient();
  const users = useUsers();
  const [form, setForm] = useState({ name: "", email: "", password: "", role: "frontdesk", deskCodes: "", extension: "" });
  const [status, setStatus] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => apiFetch("/api/v1/admin/users", { method: "POST", body: form }),
    onSuccess: () => {
      setStatus(t("created"));
      setForm({ name: "", email: "", password: "", role: "frontdesk", deskCodes: "", extension: "" });
      qc.invalidateQueries({ queryKey: ["admin", "users"] });
    },
  });
  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Partial<User> }) =>
      apiFetch(`/api/v1/admin/users/${id}`, { method: "PATCH", body: patch }),
    onSuccess: () => {
      setStatus(t("updated"));
      qc.invalidateQueries({ queryKey: ["admin", "users"] });
    },
  });
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  const field = (name: keyof typeof form, label: string, type = "text") => (
    <div>
      <label htmlFor={`u-${name}`} className="label">
        {label}
      </label>
      <input
        id={`u-${name}`}
        type={type}
        className="input"
        value={form[name]}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        aria-invalid={fields[name] ? true : undefined}
        aria-describedby={fields[name] ? `u-${name}-err` : undefined}
      />
      {fields[name] ? (
        <p id={`u-${name}-err`} className="field-error">
          {fields[name]}
        </p>
      ) : null}
    </div>
  );
  return (
    <>
      <h1>{t("usersTitle")}</h1>
      <p role="status" aria-live="polite" className="mb-4 font-semibold text-ok">
        {status}
      </p>
      <section aria-labelledby="new-user" className="card mb-8">
        <h2 id="new-user">{t("newUser")}</h2>
        <form
          className="grid gap-4 md:grid-cols-3"
          onSubmit={(e) => {
            e.preventDefault();
            setStatus(null);
            create.mutate();
          }}
        >
          {field("name", t("name"))}
          {field("email", t("email"), "email")}
          {field("password", t("password"), "password")}
          <div>
            <label htmlFor="u-role" className="label">
              {t("role")}
            </label>
            <select id="u-role" className="input" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {tc(`roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          {field("deskCodes", t("desks"))}
          {field("extension", t("extension"))}
          <div className="md:col-span-3">
            <button className="btn" type="submit" disabled={create.isPending}>
              {t("create")}
            </button>
            {create.error && !Object.keys(fields).length ? (
              <p role="alert" className="field-error">
                {create.error.message}
              </p>
            ) : null}
          </div>
        </form>
      </section>
      {users.isLoading ? <p>{tc("loading")}</p> : null}
      <div className="overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("extension")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>
                  <select
                    aria-label={t("changeRole", { name: u.name })}
                    className="input py-1"
                    value={u.role}
                    onChange={(e) => update.mutate({ id: u.id, patch: { role: e.target.value } })}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {tc(`roles.${r}`)}
                      </option>
                    ))}
                  </select>
                  {u.deskCodes.length ? <span className="ml-1 text-xs">({u.deskCodes.join(", ")})</span> : null}
                </td>
                <td>{u.extension ?? tc("none")}</td>
                <td>{u.active ? t("activeYes") : t("activeNo")}</td>
                <td>
                  <button
                    type="button"
                    className="btn-secondary px-2 py-1 text-sm"
                    onClick={() => update.mutate({ id: u.id, patch: { active: !u.active } })}
                  >
                    {u.active ? t("deactivate") : t("reactivate")}
                    <span className="sr-only"> {u.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
