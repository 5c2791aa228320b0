import { apiRoute, parseBody } from "@/lib/api/route";
import { saveQueueMappings } from "@/lib/calls/admin";
import { queueMappingsSchema } from "@/lib/calls/schemas";

export const PUT = apiRoute({ permission: "administer" }, async ({ req, actor }) => {
  await saveQueueMappings(actor!, (await parseBody(req, queueMappingsSchema)).mappings);
  return {};
});
