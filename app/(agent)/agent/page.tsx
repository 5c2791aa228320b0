import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/roles";
import { AGENT_NAV } from "@/lib/platform/nav";

export default async function AgentHomePage() {
  const actor = await pageActor();
  const t = await getTranslations("agent");
  const tc = await getTranslations("common");
  const items = AGENT_NAV.filter((i) => i.permission && can(actor, i.permission));
  return (
    <>
      <h1>{t("welcome", { name: actor.name })}</h1>
      <p className="mb-6">{t("yourRole", { role: tc(`roles.${actor.role}`) })}</p>
      <h2>{t("whatYouCanDo")}</h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="agent-home-links">
        {items.map((i) => (
          <li key={i.href}>
            <Link href={i.href} className="card block font-semibold">
              {tc(`nav.${i.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
