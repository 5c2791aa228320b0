// Tables of the tickets capability (lib/tickets/). Filled in by that capability's work.
export {};
