import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { Messages } from "./messages";

/**
 * Each page sends the browser only the namespaces its client components use: `<ClientMessages
 * namespaces={["appointments"]}>`. `common` (the challenge status, shared bits) and `errors` (the API's
 * codes, lib/client/form-errors.ts) always come along. The root layout sends only those two.
 */
export type Namespace = keyof Messages;
export const ALWAYS: Namespace[] = ["common", "errors"];

export async function pickMessages(namespaces: Namespace[]): Promise<Partial<Messages>> {
  const all = (await getMessages()) as Messages;
  return Object.fromEntries([...new Set([...ALWAYS, ...namespaces])].map((n) => [n, all[n]])) as Partial<Messages>;
}

export async function ClientMessages({ namespaces, children }: { namespaces: Namespace[]; children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), pickMessages(namespaces)]);
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="Europe/Amsterdam">
      {children}
    </NextIntlClientProvider>
  );
}
