/**
 * Next's start-up hook: `register` runs once when a server instance starts, before it answers requests. It
 * composes the web process — the composition root (lib/server.ts) registers every capability's customer
 * history provider (and jobs, which the web process does not run) — so that a page or route that shows a
 * person's history finds every capability's records. Loaded only in the Node.js runtime (Next's documented
 * pattern for Node-only code here: the import stays out of any edge bundle).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/server");
}
