import { ImportUpload } from "@/components/calls/ImportUpload";
import { pageActor } from "@/lib/auth/actor";

export default async function CallImportPage() {
  await pageActor("importData");
  return <ImportUpload />;
}
