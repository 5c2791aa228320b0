// Tables of the complaints capability (lib/complaints/). Filled in by that capability's work.
export {};
