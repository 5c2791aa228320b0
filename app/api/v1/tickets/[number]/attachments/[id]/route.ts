import { apiRoute } from "@/lib/api/route";
import { ticketNumberParam } from "@/lib/tickets/route-params";
import { attachmentFor } from "@/lib/tickets/service";

/** Attachments always download (never render in our origin), with the type sniffing switched off. */
export const GET = apiRoute<{ number: string; id: string }>(
  { permission: "readTickets", params: { number: "ticketNumber", id: "uuid" } },
  async ({ params, actor }) => {
    const a = await attachmentFor(actor, ticketNumberParam(params.number), params.id);
    const risky = /html|svg|xml|javascript/i.test(a.contentType);
    const ascii = a.filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
    return new Response(new Uint8Array(a.content), {
      headers: {
        "content-type": risky ? "application/octet-stream" : a.contentType,
        "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
        "x-content-type-options": "nosniff",
        "content-security-policy": "sandbox",
        "cache-control": "private, no-store",
      },
    });
  },
);
