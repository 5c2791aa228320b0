import { apiRoute, parseBody } from "@/lib/api/route";
import { deleteCategory, renameCategory, renameCategorySchema } from "@/lib/complaints/categories";

type P = { key: string };

/** Rename a category's labels (NL, EN); the key stays. */
export const PATCH = apiRoute<P>({ permission: "administer", params: { key: "categoryKey" } }, async ({ req, actor, params }) =>
  renameCategory(actor, decodeURIComponent(params.key), await parseBody(req, renameCategorySchema)),
);

/** Only an unused category can be deleted (422 category_in_use otherwise). */
export const DELETE = apiRoute<P>({ permission: "administer", params: { key: "categoryKey" } }, async ({ actor, params }) =>
  deleteCategory(actor, decodeURIComponent(params.key)),
);
