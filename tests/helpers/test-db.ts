import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A throw-away database for a test run: on the server of DATABASE_URL when it is set (CI's PostgreSQL),
 * else on an embedded PostgreSQL started in a temporary folder. Dropped/stopped at the end.
 */
export type TestDatabase = { url: string; drop: () => Promise<void> };

export async function createTestDatabase(prefix = "kic_test"): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${crypto.randomBytes(3).toString("hex")}`;
  const external = process.env.DATABASE_URL;
  if (external) {
    const admin = new URL(external);
    admin.pathname = "/postgres";
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    const url = new URL(external);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const d = new pg.Client({ connectionString: admin.toString() });
        await d.connect();
        await d.query(`drop database if exists ${name} with (force)`);
        await d.end();
      },
    };
  }
  const { startEmbedded } = await import("../../db/embedded");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kic-test-pg-"));
  fs.chmodSync(dir, 0o755);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const embedded = await startEmbedded({ dataDir: dir, port });
  return {
    url: embedded.url,
    drop: async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
