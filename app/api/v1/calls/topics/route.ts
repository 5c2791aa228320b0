import { apiRoute } from "@/lib/api/route";
import { callTopicList } from "@/lib/calls/service";

export const GET = apiRoute({ permission: "workCalls" }, async () => callTopicList());
