import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AgentNav } from "@/components/layout/AgentNav";
import { pageActor } from "@/lib/auth/actor";
import { ClientMessages, type Namespace } from "@/lib/i18n/client-messages";
import { messagesFor } from "@/lib/i18n/messages";
import { can } from "@/lib/auth/roles";
import { AGENT_NAV } from "@/lib/platform/nav";

export default async function AgentLayout({ children }: { children: ReactNode }) {
  const actor = await pageActor();
  const t = await getTranslations("common");
  const items = AGENT_NAV.filter((i) => !i.permission || can(actor, i.permission)).map((i) => ({
    href: i.href,
    label: t(`nav.${i.key}`),
  }));
  return (
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-6 px-4 py-6 md:flex-row">
      <AgentNav items={items} label={t("agentNav")} />
      <main id="main" tabIndex={-1} className="min-w-0 flex-1">
        {/* Step 1 of issue 13: agent pages still get every namespace; step 2 lets each page name its own. */}
        <ClientMessages namespaces={Object.keys(messagesFor("nl")) as Namespace[]}>{children}</ClientMessages>
      </main>
    </div>
  );
}
