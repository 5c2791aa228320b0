import type { CapabilityModule } from "@/lib/platform/capability";
import { seedDemo } from "./demo";
import { jobs } from "./jobs";
import { appointmentHistoryProvider } from "./stats";

/**
 * The appointments capability's public face (issue 13): what routes, pages, jobs, the composition root
 * (lib/server.ts), the demo seed and other capabilities import. The client-safe half is ./contract.ts
 * (components import it directly); this file is server-side. The rest of lib/appointments/ is private.
 */
export const capability: CapabilityModule = { name: "appointments", jobs, history: appointmentHistoryProvider, seedDemo };

/** Places, bookings and visits per desk and day (the dashboards' desk figures). */
export { deskStats } from "./stats";

export * from "./contract";
export { createSlotAlert, confirmSlotAlert, unsubscribeSlotAlert } from "./alerts";
export { CACHE_5S, limitAlerts, limitBook, limitHold, limitManage, limitRead } from "./limits";
export { manageAuth } from "./manage-auth";
export {
  appointmentIcsText,
  availableSlots,
  bookSlot,
  cancelAppointment,
  getAppointment,
  holdMinutes,
  holdSlot,
  publicDesks,
  publicProducts,
  rescheduleAppointment,
  searchAppointments,
} from "./service";
