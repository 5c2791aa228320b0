import crypto from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import next from "next";
import { CLIENT_IP_HEADER, clientAddressOf, trustFunction } from "../lib/platform/client-address";

/**
 * The web server: Next's request handler (programmatic `next()` API) behind a plain Node HTTP server, so
 * that for every request, before the app sees it, we
 * - work out the client's address from the socket, or from X-Forwarded-For through TRUSTED_PROXIES
 *   (lib/platform/client-address.ts), and hand it on in an internal header that is always overwritten
 *   (`next start` cannot: a route handler never sees the socket, and Next only fills X-Forwarded-For when
 *   a client has not sent one);
 * - give the request an id (`x-request-id` inward for the logs, `X-Request-Id` on the answer);
 * - add the security headers every answer carries (a route's or proxy.ts's own values win: the page CSP
 *   with its nonce, an attachment's `sandbox` CSP).
 * `scripts/start.ts` runs it for `npm start` / `npm run start:web` / `npm run dev` (with --dev), and the
 * integration tests run it too (tests/helpers/app-server.ts). Usage: node --import tsx scripts/web-server.ts
 * [--dev]; PORT, HOST (default all interfaces), TRUSTED_PROXIES, APP_URL from the environment.
 */
const ROOT = path.resolve(__dirname, "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || undefined;
process.env.KIC_PROCESS_ROLE = "web"; // db/client.ts: the web statement timeout

const https = (process.env.APP_URL ?? "").startsWith("https://");
const SECURITY_HEADERS: [string, string][] = [
  ["X-Content-Type-Options", "nosniff"],
  // same-origin: no referrer to other sites (manage links carry tokens), and same-origin POSTs keep
  // their Origin header, which the CSRF check reads (lib/api/route.ts).
  ["Referrer-Policy", "same-origin"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"],
  ["X-Frame-Options", "DENY"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  // Not includeSubDomains: other hosts under the same domain are not ours to decide for.
  ...(https ? ([["Strict-Transport-Security", "max-age=31536000"]] as [string, string][]) : []),
];
const FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/** For answers without a CSP of their own (JSON, files): nothing may load or frame them. */
const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function addSecurityHeaders(res: ServerResponse) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    for (const [k, v] of SECURITY_HEADERS) if (!this.hasHeader(k)) this.setHeader(k, v);
    if (!this.hasHeader("content-security-policy")) this.setHeader("Content-Security-Policy", DEFAULT_CSP);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
}

/**
 * An answer sent before the request's body was read to its end (a 413 from the capped reader, a 401 before an
 * upload): the rest of the body is read and thrown away, up to a budget, before the connection may close.
 * Closing a socket with unread input makes the kernel send a reset, and most clients then report the reset
 * instead of the answer they had already been sent (the "lingering close" of Apache and nginx). The app's
 * own listeners are detached first so nothing of it is buffered; beyond the budget the connection is cut.
 */
const LINGER_BYTES = 64 * 1024 * 1024;
const LINGER_MS = 15_000;
function lingerOnUnreadBody(req: IncomingMessage) {
  if (req.complete || req.destroyed) return;
  req.removeAllListeners("data");
  req.removeAllListeners("readable");
  let bytes = 0;
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, LINGER_MS);
  timer.unref();
  req.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > LINGER_BYTES) cut();
  });
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
  req.resume();
}

async function main() {
  const trust = trustFunction(process.env.TRUSTED_PROXIES);
  const app = next({ dev, dir: ROOT, hostname: host ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    req.headers[CLIENT_IP_HEADER] = clientAddressOf(req, trust);
    // Forwarding headers count only from a trusted proxy (Next builds redirect URLs from them, next-auth its
    // cookie names); from anyone else they are dropped, and Next fills in its own.
    if (!trust(req.socket.remoteAddress ?? "", 0)) for (const h of FORWARDED) if (h in req.headers) delete req.headers[h];
    const id = crypto.randomUUID();
    req.headers["x-request-id"] = id;
    res.setHeader("X-Request-Id", id);
    addSecurityHeaders(res);
    res.once("finish", () => lingerOnUnreadBody(req));
    void handle(req, res);
  });
  // Slow clients cannot hold connections open forever (Node's defaults, stated).
  server.requestTimeout = 300_000;
  server.headersTimeout = 60_000;
  server.listen(port, host, () => console.log(`[web] ready on ${host ?? "*"}:${port}${dev ? " (dev)" : ""}`));
  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
