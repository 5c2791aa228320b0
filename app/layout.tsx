import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/Providers";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { currentActor } from "@/lib/auth/actor";
import { pickMessages } from "@/lib/i18n/client-messages";
// The NL Design System: the Rijkshuisstijl design tokens (the `rhc-theme` class on <body>) and the
// components' CSS, once for every page (components/ui). Unlayered, as the components inject the same
// CSS in the browser; Tailwind (globals.css) stays for layout.
import "@rijkshuisstijl-community/design-tokens/dist/index.css";
import "@rijkshuisstijl-community/components-css/dist/index.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "IND Klantcontact", template: "%s · IND Klantcontact" },
  description: "Afspraken, klachten en klantcontact van de IND",
};
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages, t, actor] = await Promise.all([
    getLocale(),
    // Only `common` and `errors` for every page; each page adds its own namespaces (lib/i18n/client-messages.tsx).
    pickMessages([]),
    getTranslations("common"),
    currentActor().catch(() => null),
  ]);
  return (
    <html lang={locale}>
      <body className="rhc-theme flex min-h-screen flex-col">
        <a href="#main" className="skip-link">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider locale={locale} messages={messages} timeZone="Europe/Amsterdam">
          <Providers>
            <SiteHeader actor={actor} />
            <div className="flex-1">{children}</div>
            <SiteFooter />
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
