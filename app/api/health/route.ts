import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { DB_RETRY_AFTER_SECONDS } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** 200 {"status":"ok"} only when the database answers (load balancers use this). */
export async function GET() {
  try {
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "Retry-After": String(DB_RETRY_AFTER_SECONDS) } });
  }
}
