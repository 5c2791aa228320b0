import { z } from "zod";
import { apiRoute, parseBody } from "@/lib/api/route";
import { retentionOverview, updateRetentionSettings } from "@/lib/privacy/retention";

/** Admin: the retention periods in force (with defaults and minimums) and the last runs. */
export const GET = apiRoute({ permission: "administer" }, async ({ actor }) => retentionOverview(actor));

/** Admin: change some retention periods (days); the rest keep theirs. */
export const PUT = apiRoute({ permission: "administer" }, async ({ req, actor }) => ({
  settings: await updateRetentionSettings(actor, await parseBody(req, z.unknown())),
}));
