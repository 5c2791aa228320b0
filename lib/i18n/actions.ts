"use server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, toLocale } from "./messages";

/** The language switch: remembers the choice for a year. Works without JavaScript (a plain form post). */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = toLocale(formData.get("locale"));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
}
