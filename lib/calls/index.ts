import type { CapabilityModule } from "@/lib/platform/capability";
import { seedDemo } from "./demo";
import { callHistoryProvider } from "./history";
import { jobs } from "./jobs";

/**
 * The calls capability's public face (issue 13): what other capabilities, the composition root
 * (lib/server.ts) and the demo seed may import. The rest of lib/calls/ is private to it. The CTI webhook's
 * Pages API route imports lib/calls/cti-http.ts by itself (a Pages route cannot load the server-only modules
 * this face brings along).
 */
export const capability: CapabilityModule = { name: "calls", jobs, history: callHistoryProvider, seedDemo };
