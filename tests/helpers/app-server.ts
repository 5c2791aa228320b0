import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * Starts the production build behind the app's own web server (scripts/web-server.ts, as `npm start` does)
 * against the test database, for integration tests that go through HTTP (contracts, races across two
 * instances). `npm test` builds before it runs vitest. `pid` is the server process (memory checks).
 */
export type AppServer = { url: string; pid: number; stop: () => Promise<void>; output: () => string };

/** `root`: another checkout's build (bench/security-booking.ts runs the previous commit beside this one). */
export async function startAppServer(opts: { port: number; env?: Record<string, string>; root?: string }): Promise<AppServer> {
  const root = opts.root ?? path.resolve(__dirname, "../..");
  // Our own web server (client address, request id, headers); a checkout from before it had none: `next start`.
  const ownServer = path.join(root, "scripts/web-server.ts");
  const args = fs.existsSync(ownServer)
    ? ["--import", "tsx", ownServer]
    : [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(opts.port)];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(opts.port),
      AUTH_SECRET: process.env.AUTH_SECRET ?? "test-secret-test-secret-test-secret",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the web server exited: ${output}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}
