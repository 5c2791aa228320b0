import type { CapabilityModule } from "@/lib/platform/capability";
import { seedDemo } from "./demo";
import { jobs } from "./jobs";
import { appointmentHistoryProvider } from "./stats";

/**
 * The appointments capability's public face (issue 13): what other capabilities, the composition root
 * (lib/server.ts) and the demo seed may import. The rest of lib/appointments/ is private to it. Step 2 adds
 * the use cases routes and pages call.
 */
export const capability: CapabilityModule = { name: "appointments", jobs, history: appointmentHistoryProvider, seedDemo };

/** Places, bookings and visits per desk and day (the dashboards' desk figures). */
export { deskStats } from "./stats";
