import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/Providers";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { currentActor } from "@/lib/auth/actor";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "IND Klantcontact", template: "%s · IND Klantcontact" },
  description: "Afspraken, klachten en klantcontact van de IND",
};
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages, t, actor] = await Promise.all([
    getLocale(),
    getMessages(),
    getTranslations("common"),
    currentActor().catch(() => null),
  ]);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
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
