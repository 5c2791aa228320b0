import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, messagesFor, toLocale } from "@/lib/i18n/messages";

// Dutch by default; the language switch (or ?lang=en in a link, see proxy.ts) sets the cookie.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: messagesFor(locale), timeZone: "Europe/Amsterdam" };
});
