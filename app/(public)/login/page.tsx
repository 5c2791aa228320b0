import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/LoginForm";

export async function generateMetadata() {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const t = await getTranslations("login");
  const { callbackUrl } = await searchParams;
  // Only same-site paths: never redirect to another host after sign-in.
  const next = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/agent";
  return (
    <div className="mx-auto max-w-md">
      <h1>{t("title")}</h1>
      <LoginForm next={next} />
      <p className="mt-6 text-sm text-gray-700">{t("demoHint")}</p>
    </div>
  );
}
