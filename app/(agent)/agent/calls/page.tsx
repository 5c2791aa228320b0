import { getTranslations } from "next-intl/server";
import { CallList } from "@/components/calls/CallList";
import { ManualCall } from "@/components/calls/ManualCall";
import { MissedCalls } from "@/components/calls/MissedCalls";
import { ScreenPop } from "@/components/calls/ScreenPop";
import { pageActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/roles";

export default async function CallsPage() {
  const actor = await pageActor("workCalls");
  const t = await getTranslations("calls");
  return (
    <>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-4">
        <h1>{t("title")}</h1>
        {can(actor, "importData") ? <a href="/agent/calls/import">{t("import.link")}</a> : null}
      </div>
      <ScreenPop />
      <MissedCalls />
      <ManualCall />
      <CallList />
    </>
  );
}
