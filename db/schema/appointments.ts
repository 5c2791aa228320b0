// Tables of the appointments capability (lib/appointments/). Filled in by that capability's work.
export {};
