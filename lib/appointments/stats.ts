import "server-only";
import type { IsoDate } from "@/lib/calendar/dates";
import type { DeskDayStats, HistoryItem } from "@/lib/platform/contracts";

/** Places offered, booked, checked in and no-shows per desk and local day, both ends included. */
export async function deskStats(_range: { from: IsoDate; to: IsoDate }): Promise<DeskDayStats[]> {
  return []; // implemented by the appointments capability
}

/** A person's appointments, newest first, for the ticket sidebar and the call screen pop. */
export async function appointmentHistory(_customerId: string): Promise<HistoryItem[]> {
  return [];
}
