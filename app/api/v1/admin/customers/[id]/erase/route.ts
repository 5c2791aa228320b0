import { z } from "zod";
import { apiRoute, parseBody } from "@/lib/api/route";
import { customerIdOf, eraseCustomer } from "@/lib/privacy/subject";

/** Admin: the erasure request (AVG art. 17) — `{"confirm": true}`; 422 `open_cases` while a case is open. */
export const POST = apiRoute<{ id: string }>({ permission: "administer", params: { id: "uuid" } }, async ({ params, req, actor }) => {
  const id = customerIdOf(params.id);
  return eraseCustomer(actor, id, await parseBody(req, z.unknown()));
});
