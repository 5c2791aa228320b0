import { apiRoute } from "@/lib/api/route";
import { listAgents } from "@/lib/tickets/service";

export const GET = apiRoute({ permission: "workTickets" }, async ({ actor }) => listAgents(actor));
