import { apiRoute } from "@/lib/api/route";
import { runRetention } from "@/lib/privacy/retention";

/** Admin: run the retention job now (it also runs every night); answers with what it did. */
export const POST = apiRoute({ permission: "administer" }, async ({ actor }) => runRetention({ actor: actor! }));
