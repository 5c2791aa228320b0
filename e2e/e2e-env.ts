import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Where this e2e run's server keeps its data, shared by playwright.config.ts and the journeys: a run id
 * (inherited by the workers through the environment), the DATA_DIR, and the database — a fresh one on
 * DATABASE_URL's server, or the embedded one in DATA_DIR.
 */
export const runId = (process.env.E2E_RUN_ID ??= `${Date.now().toString(36)}${crypto.randomBytes(2).toString("hex")}`);
export const e2eDataDir = path.join(os.tmpdir(), `kic-e2e-${runId}`);
export const e2ePgPort = Number(process.env.E2E_PG_PORT ?? 5499);

/** The external database of this run, when DATABASE_URL is set (null: the embedded one). */
export function externalE2eDatabaseUrl(): string | null {
  if (!process.env.DATABASE_URL) return null;
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/kic_e2e_${runId}`;
  return u.toString();
}

/** The URL of the database the e2e server uses (valid once the server has started). */
export function e2eDatabaseUrl(): string {
  const external = externalE2eDatabaseUrl();
  if (external) return external;
  const password = fs.readFileSync(path.join(e2eDataDir, "pg-password"), "utf8").trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${e2ePgPort}/kic`;
}
