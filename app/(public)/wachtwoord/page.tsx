import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/ChangePasswordForm";
import { currentActor } from "@/lib/auth/actor";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

/** Change your own password; the only page open to a user with a one-time password until it is done. */
export default async function PasswordPage() {
  const actor = await currentActor();
  if (!actor) redirect("/login?callbackUrl=%2Fwachtwoord");
  const t = await getTranslations("account");
  return (
    <div className="mx-auto max-w-md">
      <h1>{t("title")}</h1>
      {actor.mustChangePassword ? (
        <p className="mb-4" data-testid="must-change">
          {t("mustChange")}
        </p>
      ) : null}
      <ClientMessages namespaces={["account"]}>
        <ChangePasswordForm />
      </ClientMessages>
    </div>
  );
}
