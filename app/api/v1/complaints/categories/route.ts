import { apiRoute, parseBody } from "@/lib/api/route";
import { addCategory, addCategorySchema, listCategories } from "@/lib/complaints/categories";

/** The IND's complaint categories with their labels (and how many complaints use each). */
export const GET = apiRoute({ permission: "registerComplaint" }, async ({ actor }) => listCategories(actor));

export const POST = apiRoute({ permission: "administer" }, async ({ req, actor }) =>
  Response.json(await addCategory(actor, await parseBody(req, addCategorySchema)), { status: 201 }),
);
