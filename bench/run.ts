import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * `npm run bench [name…]`: runs each benchmark script in bench/ (one per capability) in turn; each prints
 * its figures and rewrites its own bench/RESULTS-<name>.md, and this script joins them into RESULTS.md.
 * Benchmarks use the machine's PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 * and only 127.0.0.1; every loop is bounded.
 */
const dir = __dirname;
const wanted = process.argv.slice(2);
const scripts = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.endsWith(".test.ts") && !f.startsWith("_"))
  .filter((f) => !wanted.length || wanted.includes(path.basename(f, ".ts")))
  .sort();

let failed = 0;
for (const s of scripts) {
  console.log(`\n=== bench/${s}`);
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(dir, s)], { stdio: "inherit", env: process.env });
  if (r.status !== 0) failed++;
}

const parts = fs
  .readdirSync(dir)
  .filter((f) => /^RESULTS-.+\.md$/.test(f))
  .sort()
  .map((f) => fs.readFileSync(path.join(dir, f), "utf8").trim());
fs.writeFileSync(
  path.join(dir, "RESULTS.md"),
  `# Benchmark results\n\nWritten by \`npm run bench\` from the per-capability files bench/RESULTS-*.md.\n\n${parts.join("\n\n")}\n`,
);
process.exit(failed ? 1 : 0);
