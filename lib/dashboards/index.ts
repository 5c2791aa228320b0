import type { CapabilityModule } from "@/lib/platform/capability";
import { seedDemo } from "./demo";
import { jobs } from "./jobs";

/**
 * The dashboards capability's public face (issue 13): what the composition root (lib/server.ts) and the demo
 * seed may import. It reads the other capabilities' figures through their faces (tickets, complaints,
 * appointments); nobody reads its own.
 */
export const capability: CapabilityModule = { name: "dashboards", jobs, seedDemo };
