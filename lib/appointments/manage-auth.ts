import "server-only";
import { parseQuery } from "@/lib/api/route";
import { currentActor } from "@/lib/auth/actor";
import { unauthorized } from "@/lib/errors";
import { limitManage } from "./limits";
import { tokenQuery } from "./schemas";
import type { ManageAuth } from "./service";

/** `?token=` from the email link (applicant), or else a signed-in agent/desk session. */
export async function manageAuth(req: Request, url: URL): Promise<ManageAuth> {
  if (url.searchParams.has("token")) {
    await limitManage(req);
    return { token: parseQuery(url, tokenQuery).token };
  }
  const actor = await currentActor(req);
  if (!actor) throw unauthorized("Give the manage token from the confirmation email, or sign in");
  return { actor };
}
