// Tables of the dashboards capability (lib/dashboards/). Filled in by that capability's work.
export {};
