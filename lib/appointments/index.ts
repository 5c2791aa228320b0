/**
 * The appointments capability's public face (issue 13): what routes, pages, jobs and other capabilities
 * import. The client-safe half is ./contract.ts (components import it directly); this file is server-side.
 * Step 1 lists what the public booking flow's routes and pages use; step 2 completes it per use case.
 */
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
