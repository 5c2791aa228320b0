// Tables of the calls capability (lib/calls/). Filled in by that capability's work.
export {};
