import { apiRoute, parseBody, parseQuery } from "@/lib/api/route";
import { can } from "@/lib/auth/roles";
import { guardAnonymousWrite } from "@/lib/platform/bot-guard";
import { limitBook } from "@/lib/appointments/limits";
import { agentBookBody, bookBody, searchQuery } from "@/lib/appointments/schemas";
import { bookSlot, searchAppointments } from "@/lib/appointments/service";

/** Book: the public form, or a signed-in agent for a caller (then a phone number may replace the email). */
export const POST = apiRoute({ permission: "public" }, async ({ req }) => {
  // First, before the body: anonymous writes above the threshold must bring a solved challenge (issue 11.4).
  const actor = await guardAnonymousWrite(req);
  await limitBook(req);
  const agent = actor && can(actor, "bookForCaller") ? actor : null;
  const body = agent ? await parseBody(req, agentBookBody) : await parseBody(req, bookBody);
  const { appointment } = await bookSlot(body, { actor: agent });
  // The manage token goes only to the applicant's email; an agent's screen does not show it.
  const shown = agent ? { ...appointment, manageUrl: undefined, icsUrl: undefined } : appointment;
  return Response.json(shown, { status: 201 });
});

/** Agents: find by reference, name, email, phone or V-number. */
export const GET = apiRoute({ permission: "bookForCaller" }, async ({ url, actor }) => {
  const q = parseQuery(url, searchQuery);
  return searchAppointments(actor!, q.q);
});
