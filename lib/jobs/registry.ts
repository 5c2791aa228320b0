import "server-only";
import { jobs as appointments } from "@/lib/appointments/jobs";
import { jobs as calls } from "@/lib/calls/jobs";
import { jobs as complaints } from "@/lib/complaints/jobs";
import { jobs as dashboards } from "@/lib/dashboards/jobs";
import { jobs as privacy } from "@/lib/privacy/jobs";
import { jobs as tickets } from "@/lib/tickets/jobs";
import { jobs as platform } from "./platform-jobs";
import type { JobDefinition } from "./types";

/** Every job the worker runs, from every capability. */
export const ALL_JOBS: JobDefinition[] = [...platform, ...appointments, ...tickets, ...calls, ...complaints, ...dashboards, ...privacy];
