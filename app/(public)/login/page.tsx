import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { LoginForm } from "@/components/LoginForm";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { DEMO_PASSWORD, isDemoDatabase } from "@/lib/platform/demo-mode";

export async function generateMetadata() {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const t = await getTranslations("login");
  const [{ callbackUrl }, demo] = await Promise.all([searchParams, isDemoDatabase().catch(() => false)]);
  // Only paths on this site, resolved as the browser would (`/\evil.example` is another host).
  const next = safeCallbackPath(callbackUrl);
  return (
    <div className="mx-auto max-w-md">
      <h1>{t("title")}</h1>
      <ClientMessages namespaces={["login"]}>
        <LoginForm next={next} />
      </ClientMessages>
      {demo ? <p className="mt-6 text-sm text-gray-700">{t("demoHint", { password: DEMO_PASSWORD })}</p> : null}
    </div>
  );
}
