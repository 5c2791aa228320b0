"use client";
import { useQuery } from "@tanstack/react-query";
import { useLocale } from "next-intl";
import { apiFetch } from "@/lib/client/api";

export type Category = { key: string; labelNl: string; labelEn: string; position: number; used: number };

/** The IND's complaint categories (labels editable by admins), and a key → label function in the UI language. */
export function useCategories() {
  const locale = useLocale();
  const q = useQuery({
    queryKey: ["complaints", "categories"],
    queryFn: () => apiFetch<Category[]>("/api/v1/complaints/categories"),
    staleTime: 60_000,
  });
  const label = (key: string | null | undefined) => {
    const c = q.data?.find((x) => x.key === key);
    return c ? (locale === "en" ? c.labelEn : c.labelNl) : (key ?? "—");
  };
  return { ...q, label };
}
