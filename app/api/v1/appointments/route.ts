import { endpointRoute } from "@/lib/api/endpoint-route";
import { agentBookBody, bookBody, bookEndpoint, bookSlot, limitBook, searchAppointments, searchEndpoint } from "@/lib/appointments";
import { can } from "@/lib/auth/roles";
import { guardAnonymousWrite } from "@/lib/platform/bot-guard";

/** Book: the public form, or a signed-in agent for a caller (then a phone number may replace the email). */
export const POST = endpointRoute(bookEndpoint, { permission: "public" }, async ({ req, body }) => {
  // First, before the body: anonymous writes above the threshold must bring a solved challenge (issue 11.4).
  const actor = await guardAnonymousWrite(req);
  await limitBook(req);
  const agent = actor && can(actor, "bookForCaller") ? actor : null;
  const input = agent ? await body(agentBookBody) : await body(bookBody);
  const { appointment } = await bookSlot(input, { actor: agent });
  // The manage token goes only to the applicant's email; an agent's screen does not show it.
  return agent ? { ...appointment, manageUrl: undefined, icsUrl: undefined } : appointment;
});

/** Agents: find by reference, name, email, phone or V-number. */
export const GET = endpointRoute(searchEndpoint, { permission: "bookForCaller" }, async ({ query, actor }) =>
  searchAppointments(actor, query.q),
);
