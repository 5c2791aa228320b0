import { apiRoute, parseQuery } from "@/lib/api/route";
import { annualQuery } from "@/lib/dashboards/schemas";
import { annualCsv, annualReport } from "@/lib/dashboards/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "viewDashboards" }, async ({ req, url, actor }) => {
  const q = parseQuery(url, annualQuery);
  const cookieLang = /(?:^|;\s*)NEXT_LOCALE=(en|nl)/.exec(req.headers.get("cookie") ?? "")?.[1] as "nl" | "en" | undefined;
  const report = await annualReport(actor!, q.year, q.lang ?? cookieLang ?? "nl");
  if (q.format === "csv") {
    return new Response("\uFEFF" + annualCsv(report), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="jaarverslag-kic-${q.year}.csv"`,
      },
    });
  }
  return report;
});
