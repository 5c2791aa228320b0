import type { CapabilityModule } from "@/lib/platform/capability";
import { jobs } from "./jobs";

/**
 * The privacy capability's public face (issue 13): the access log every capability writes to when an agent
 * reads personal data (`auditRead`, the one way read events are written), and its nightly retention job for
 * the composition root (lib/server.ts). Subject access, erasure and the retention settings are used by its
 * own routes (step 2 moves them here).
 */
export const capability: CapabilityModule = { name: "privacy", jobs };

export { auditRead, searchDigest, type ReadAudit } from "./audit";
