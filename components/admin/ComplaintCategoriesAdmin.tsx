"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api";
import { useCategories, type Category } from "@/components/complaints/useCategories";

/** One category's labels, editable; delete only when no complaint uses it. */
function Row({ c, onDone }: { c: Category; onDone: (msg: string) => void }) {
  const t = useTranslations("complaints.categoriesAdmin");
  const [nl, setNl] = useState(c.labelNl);
  const [en, setEn] = useState(c.labelEn);
  const save = useMutation({
    mutationFn: () => apiFetch(`/api/v1/complaints/categories/${c.key}`, { method: "PATCH", body: { labelNl: nl, labelEn: en } }),
    onSuccess: () => onDone(t("saved")),
  });
  const del = useMutation({
    mutationFn: () => apiFetch(`/api/v1/complaints/categories/${c.key}`, { method: "DELETE" }),
    onSuccess: () => onDone(t("deleted")),
  });
  const err = (save.error ?? del.error) instanceof ApiError ? ((save.error ?? del.error) as ApiError) : null;
  return (
    <tr>
      <th scope="row">
        <code>{c.key}</code>
      </th>
      <td>
        <label htmlFor={`cat-${c.key}-nl`} className="sr-only">
          {t("labelNl")} {c.key}
        </label>
        <input id={`cat-${c.key}-nl`} className="input" value={nl} onChange={(e) => setNl(e.target.value)} />
      </td>
      <td>
        <label htmlFor={`cat-${c.key}-en`} className="sr-only">
          {t("labelEn")} {c.key}
        </label>
        <input id={`cat-${c.key}-en`} className="input" value={en} onChange={(e) => setEn(e.target.value)} />
      </td>
      <td>{c.used}</td>
      <td>
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn" onClick={() => save.mutate()} disabled={save.isPending}>
            {t("save")}
            <span className="sr-only"> {c.key}</span>
          </button>
          {c.used === 0 ? (
            <button type="button" className="btn-secondary" onClick={() => del.mutate()} disabled={del.isPending}>
              {t("delete")}
              <span className="sr-only"> {c.key}</span>
            </button>
          ) : null}
        </div>
        <div role="alert">
          {err ? <p className="field-error">{t.has(`errors.${err.code}`) ? t(`errors.${err.code}`) : err.message}</p> : null}
        </div>
      </td>
    </tr>
  );
}

/** Admin → Klachtcategorieën: the IND's categories; labels are renamed here, used ones cannot be deleted. */
export function ComplaintCategoriesAdmin() {
  const t = useTranslations("complaints.categoriesAdmin");
  const qc = useQueryClient();
  const cats = useCategories();
  const [status, setStatus] = useState<string | null>(null);
  const done = (msg: string) => {
    setStatus(msg);
    qc.invalidateQueries({ queryKey: ["complaints", "categories"] });
  };
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="mb-4">{t("intro")}</p>
      <p role="status" aria-live="polite" className="mb-4 font-semibold text-ok">
        {status}
      </p>
      <div className="overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("key")}</th>
              <th scope="col">{t("labelNl")}</th>
              <th scope="col">{t("labelEn")}</th>
              <th scope="col">{t("used")}</th>
              <th scope="col">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {(cats.data ?? []).map((c) => (
              <Row key={`${c.key}-${c.labelNl}-${c.labelEn}-${c.used}`} c={c} onDone={done} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
