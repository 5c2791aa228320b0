import { apiRoute } from "@/lib/api/route";
import { getAttachment } from "@/lib/complaints/service";

export const GET = apiRoute<{ reference: string; id: string }>(
  { permission: "handleComplaints", params: { reference: "complaintReference", id: "uuid" } },
  async ({ params, actor }) => {
    const a = await getAttachment(actor, decodeURIComponent(params.reference), params.id);
    return new Response(new Uint8Array(a.data), {
      headers: {
        "content-type": a.contentType,
        "content-disposition": `attachment; filename="${a.filename.replace(/[^\w.\- ]/g, "_")}"`,
        "x-content-type-options": "nosniff",
      },
    });
  },
);
