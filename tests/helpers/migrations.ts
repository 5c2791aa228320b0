import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MIGRATIONS_FOLDER } from "@/db/migrate";

type Journal = { entries: { tag: string }[] };

/**
 * A copy of today's migrations folder holding only the migrations before the first one whose SQL matches
 * `marker`: to build a database as an earlier release left it and then watch the next migration act on it.
 * Found by content, not by number, so the lead's renumbering at merge does not break it. `cleanup` removes it.
 */
export function migrationsBefore(marker: RegExp): { folder: string; cleanup: () => void } {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as Journal;
  const index = journal.entries.findIndex((e) => marker.test(fs.readFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), "utf8")));
  if (index < 0) throw new Error(`no migration matches ${marker}`);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "kic-migrations-"));
  fs.mkdirSync(path.join(folder, "meta"));
  const entries = journal.entries.slice(0, index);
  fs.writeFileSync(path.join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  return { folder, cleanup: () => fs.rmSync(folder, { recursive: true, force: true }) };
}
