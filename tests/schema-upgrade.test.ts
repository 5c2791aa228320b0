import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/db/migrate";
import { schemaSnapshot } from "./helpers/schema-snapshot";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

/**
 * One schema source (issue 13): a fresh database and a database of every earlier release, migrated to today,
 * end identical. Each earlier database is built as that release built it — its own drizzle migrations, then its
 * db/sql/*.sql files in name order, as its db/migrate.ts applied them at every start — read from git history
 * (`git show <commit>:<path>`; CI clones the full history), then today's db/migrate.ts runs. The schemas are
 * compared through the catalogs (tests/helpers/schema-snapshot.ts): a DDL statement, function, trigger, grant or
 * reference row that an earlier release had and today's migrations do not make (or the other way round) fails.
 */
const RELEASES = [
  // The landing before 0714ad8 on main: the merge of the calls follow-ups (CI passed at stop 8).
  { commit: "8ada486", what: "calls follow-ups (migrations 0000–0006, db/sql without privacy or appointments)" },
  // Telephony admin, the last landing before the security and law merges (migrations to 0007).
  { commit: "0714ad8", what: "sharded rollup (migrations 0000–0007)" },
  // The main this work started from: the security merges (migrations to 0012, every db/sql file).
  { commit: "8644405", what: "security and law merges (migrations 0000–0012)" },
];

const ROOT = path.resolve(__dirname, "..");
const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });

function hasCommit(commit: string): boolean {
  try {
    git("cat-file", "-e", `${commit}^{commit}`);
    return true;
  } catch {
    return false;
  }
}

/** Builds the database as `commit` did: its migrations (drizzle), then its db/sql files. */
async function buildAtRelease(url: string, commit: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kic-release-${commit}-`));
  try {
    const files = git("ls-tree", "-r", "--name-only", commit, "db/migrations", "db/sql").split("\n").filter(Boolean);
    for (const f of files) {
      const target = path.join(dir, f);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, git("show", `${commit}:${f}`));
    }
    await migrateDatabase(url, path.join(dir, "db/migrations"));
    const sqlDir = path.join(dir, "db/sql");
    if (fs.existsSync(sqlDir)) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        for (const f of fs
          .readdirSync(sqlDir)
          .filter((n) => n.endsWith(".sql"))
          .sort()) {
          await c.query(fs.readFileSync(path.join(sqlDir, f), "utf8"));
        }
      } finally {
        await c.end();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const d of databases) await d.drop();
});

async function database(): Promise<string> {
  const d = await createTestDatabase("kic_schema");
  databases.push(d);
  return d.url;
}

describe("one schema source: fresh and upgraded databases end identical", () => {
  let fresh: string[] = [];

  it("a fresh database gets the whole schema from the migrations alone", async () => {
    const url = await database();
    await migrateDatabase(url);
    fresh = await schemaSnapshot(url);
    // Spot checks that the custom migration ran (a snapshot of nothing would equal nothing).
    expect(fresh).toContainEqual(expect.stringMatching(/^trigger events \| events_append_only_rows /));
    expect(fresh).toContainEqual(expect.stringMatching(/^trigger calls \| calls_dashboards_rollup_ins /));
    expect(fresh).toContainEqual(expect.stringMatching(/^trigger tickets \| tickets_complaints_queue_sealed /));
    expect(fresh).toContainEqual(expect.stringMatching(/^function customers_with_phone /));
    expect(fresh).toContainEqual(expect.stringMatching(/^constraint calls \| calls_complaint_id_fkey /));
    expect(fresh).toContainEqual(expect.stringMatching(/^index customers \| customers_phone_last9_idx /));
    expect(fresh).toContainEqual(expect.stringMatching(/^call-topic application_status /));
  });

  for (const release of RELEASES) {
    it(`a database of release ${release.commit} (${release.what}), migrated today, equals the fresh one`, async () => {
      expect(hasCommit(release.commit), `commit ${release.commit} is not in this clone: the test needs the git history`).toBe(true);
      const url = await database();
      await buildAtRelease(url, release.commit);
      await migrateDatabase(url);
      const upgraded = await schemaSnapshot(url);
      const missing = fresh.filter((l) => !upgraded.includes(l));
      const extra = upgraded.filter((l) => !fresh.includes(l));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });
  }
});
