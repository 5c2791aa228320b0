import type { CapabilityModule } from "@/lib/platform/capability";
import { seedDemo } from "./demo";
import { jobs } from "./jobs";
import { startSmtpListener } from "./smtp-listener";
import { ticketHistoryProvider } from "./stats";

/**
 * The tickets capability's public face (issue 13): what other capabilities, the composition root
 * (lib/server.ts) and the demo seed may import. The rest of lib/tickets/ is private to it.
 */
export const capability: CapabilityModule = {
  name: "tickets",
  jobs,
  // Inbound mail (spec 02): the worker runs the SMTP listener (off with SMTP_PORT=0).
  workerServices: [{ name: "smtp-listener", start: () => startSmtpListener() }],
  history: ticketHistoryProvider,
  seedDemo,
};

/** A ticket from a phone call (the calls capability's "create a ticket from a call"). */
export { createPhoneTicket } from "./create";
/** Email figures for the dashboards. */
export { emailDaily, emailSummary } from "./stats";
