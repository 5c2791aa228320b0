import { apiRoute } from "@/lib/api/route";
import { callMeta } from "@/lib/calls/service";

/** What the call screens need to draw their forms: the topic list and the agents to filter by. */
export const GET = apiRoute({ permission: "workCalls" }, async ({ actor }) => callMeta(actor!));
