import { apiRoute } from "@/lib/api/route";
import { customerIdOf, customerOverview } from "@/lib/privacy/subject";

/** Admin: one person, with how many records of each type are theirs and which cases are still open. */
export const GET = apiRoute<{ id: string }>({ permission: "administer", params: { id: "uuid" } }, async ({ params, actor }) =>
  customerOverview(actor, customerIdOf(params.id)),
);
