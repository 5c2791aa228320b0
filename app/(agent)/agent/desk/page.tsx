import { getLocale } from "next-intl/server";
import { DeskDay } from "@/components/appointments/DeskDay";
import { reference } from "@/lib/appointments/config";
import { pageActor } from "@/lib/auth/actor";
import { NL_TZ, todayIn } from "@/lib/calendar/time";

export const dynamic = "force-dynamic";

/** Desk staff see their own desks (actor.deskCodes); supervisors and admins every desk. */
export default async function DeskPage({ searchParams }: { searchParams: Promise<{ desk?: string }> }) {
  const actor = await pageActor("runDesk");
  const locale = await getLocale();
  const { desks } = await reference();
  const { desk } = await searchParams;
  let list = [...desks.values()].filter((d) => actor.role !== "desk" || actor.deskCodes.includes(d.code));
  if (desk) list = [...list.filter((d) => d.code === desk), ...list.filter((d) => d.code !== desk)];
  return (
    <DeskDay
      desks={list.map((d) => ({ code: d.code, name: locale === "en" ? d.nameEn : d.nameNl }))}
      today={todayIn(list[0]?.timeZone ?? NL_TZ)}
    />
  );
}
