import { apiRoute, parseQuery } from "@/lib/api/route";
import { customerSearchSchema, findCustomers } from "@/lib/privacy/subject";

/** Admin: find a person by customer id, email, phone, V-number or name (for an access or erasure request). */
export const GET = apiRoute({ permission: "administer" }, async ({ url, actor }) =>
  findCustomers(actor, parseQuery(url, customerSearchSchema)),
);
