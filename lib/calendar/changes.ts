/**
 * A per-instance counter of edits to the calendars (office closed days, decree days): whoever caches data
 * derived from them (the appointments' slot reference, lib/appointments/config.ts) compares the counter it
 * loaded with and reloads when it moved. So the calendar says "I changed" without knowing who listens, and
 * the platform imports no capability (.dependency-cruiser.cjs). Kept on globalThis: Next may load this module
 * more than once (one copy per bundle), and every copy must see the same count.
 */
const g = globalThis as unknown as { __kicCalendarVersion?: number };

export function calendarVersion(): number {
  return g.__kicCalendarVersion ?? 0;
}

/** After an edit in this instance: caches of calendar-derived data reload on their next read. */
export function calendarChanged(): void {
  g.__kicCalendarVersion = calendarVersion() + 1;
}
