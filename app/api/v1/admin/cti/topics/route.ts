import { apiRoute, parseBody } from "@/lib/api/route";
import { saveTopics } from "@/lib/calls/admin";
import { topicsSchema } from "@/lib/calls/schemas";

export const PUT = apiRoute({ permission: "administer" }, async ({ req, actor }) => {
  await saveTopics(actor!, (await parseBody(req, topicsSchema)).topics);
  return {};
});
