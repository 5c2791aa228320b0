import { ComplaintCategoriesAdmin } from "@/components/admin/ComplaintCategoriesAdmin";
import { pageActor } from "@/lib/auth/actor";

export default async function ComplaintCategoriesPage() {
  await pageActor("administer");
  return <ComplaintCategoriesAdmin />;
}
