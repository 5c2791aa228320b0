import type { CapabilityModule } from "@/lib/platform/capability";
import { seedDemo } from "./demo";
import { jobs } from "./jobs";
import { complaintHistoryProvider } from "./stats";

/**
 * The complaints capability's public face (issue 13): what other capabilities, the composition root
 * (lib/server.ts) and the demo seed may import. The rest of lib/complaints/ is private to it.
 */
export const capability: CapabilityModule = { name: "complaints", jobs, history: complaintHistoryProvider, seedDemo };

/** Mail to a complaints mailbox becomes a complaint in triage (the tickets capability's mail intake). */
export { complaintFromEmail } from "./intake-mail";
/** Complaint figures for the dashboards. */
export { complaintMonthly, complaintSummary } from "./stats";
