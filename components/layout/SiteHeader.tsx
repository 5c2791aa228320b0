import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutEverywhere } from "@/lib/auth/account";
import { currentActor } from "@/lib/auth/actor";
import { signOut } from "@/lib/auth/config";
import type { Actor } from "@/lib/auth/roles";
import { LanguageSwitch } from "./LanguageSwitch";

async function signOutAction() {
  "use server";
  // Ends every session of this user, not only this browser's cookie (lib/auth/account.ts).
  const actor = await currentActor();
  if (actor) await signOutEverywhere(actor);
  await signOut({ redirectTo: "/login" });
}

export async function SiteHeader({ actor }: { actor: Actor | null }) {
  const [t, tAccount] = await Promise.all([getTranslations("common"), getTranslations("account")]);
  return (
    <header className="border-b-4 border-rijks bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href={actor ? "/agent" : "/"} className="flex flex-col no-underline">
          <span className="text-xl font-bold text-rijks-dark">{t("siteName")}</span>
          <span className="text-sm text-gray-700">{t("siteTagline")}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          {actor ? (
            <>
              <span className="text-sm text-gray-800" data-testid="signed-in-as">
                {t("signedInAs", { name: actor.name, role: t(`roles.${actor.role}`) })}
              </span>
              <Link href="/wachtwoord" className="text-sm">
                {tAccount("link")}
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="btn-secondary px-3 py-1 text-sm">
                  {t("signOut")}
                </button>
              </form>
            </>
          ) : null}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
