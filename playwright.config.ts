import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { e2eDataDir, e2ePgPort, externalE2eDatabaseUrl } from "./e2e/e2e-env";

/**
 * Journeys against the production build, served by the same start script as `npm start`: a fresh
 * embedded PostgreSQL in a temporary DATA_DIR, or a fresh database on DATABASE_URL's server.
 * Chromium: the system one (/usr/bin/chromium or PLAYWRIGHT_CHROMIUM_EXECUTABLE) when present.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E = {
  baseURL: `http://localhost:${PORT}`,
  smtpPort: Number(process.env.E2E_SMTP_PORT ?? 2626),
  ctiToken: "e2e-cti-token-0123456789",
};

const dataDir = e2eDataDir;
const databaseUrl = externalE2eDatabaseUrl();

const systemChromium = [process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p) => p && fs.existsSync(p),
);

export default defineConfig({
  testDir: "./e2e",
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: E2E.baseURL,
    // The journeys' direct API calls (page.request) ride on the browser's session cookie; as a browser's
    // own fetches do, they say where they come from, or the CSRF check refuses them (lib/api/route.ts).
    extraHTTPHeaders: { origin: `http://localhost:${PORT}` },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-gpu",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `${E2E.baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: {
      PORT: String(PORT),
      DATA_DIR: dataDir,
      SMTP_PORT: String(E2E.smtpPort),
      SMTP_AUTHSERV_ID: "mx.e2e.example",
      EMBEDDED_PG_PORT: String(e2ePgPort),
      CTI_TOKEN: E2E.ctiToken,
      LOGIN_BLOCK_SECONDS: "3",
      // Issue 11.4: every journey's browser is one client address here. The challenge threshold is low so that
      // e2e/bots.spec.ts can cross it with a few writes (and clears its count after); the journeys' forms would
      // solve a challenge anyway. Live holds per client are lifted: parallel journeys all hold from one address.
      BOT_CHALLENGE_PER_CLIENT: "12",
      BOT_CHALLENGE_DIFFICULTY: "5000",
      APPOINTMENTS_MAX_ACTIVE_HOLDS: "50",
      NODE_ENV: "production",
      SEED_DEMO: "1",
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
      KIC_CREATE_DATABASE: "1",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl, KIC_DROP_DATABASE_ON_EXIT: "1" } : { DATABASE_URL: "" }),
    },
  },
});
