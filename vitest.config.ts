import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests sit beside the rules (lib/**/x.test.ts); integration tests that need HTTP live in tests/.
// Playwright's journeys in e2e/ are not vitest's.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      "server-only": path.resolve(__dirname, "tests/helpers/empty-module.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "tests/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**", ".next/**", "data/**"],
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup-server.ts"],
    // next-auth imports "next/server" without an extension, which Node's ESM loader cannot resolve in a
    // package without an exports map; Vite's resolver can, so it is inlined (the composition root reaches it).
    server: { deps: { inline: ["next-auth"] } },
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
