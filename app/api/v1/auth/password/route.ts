import { apiRoute, parseBody } from "@/lib/api/route";
import { changeOwnPassword, changePasswordSchema } from "@/lib/auth/account";
import { signIn } from "@/lib/auth/config";
import { issueLoginTicket } from "@/lib/auth/ticket";

/**
 * Change your own password `{currentPassword, newPassword}`: ends every existing session of the user and
 * gives this browser a fresh one (400 naming `currentPassword` when it is wrong, 429 after too many).
 */
export const POST = apiRoute(
  { permission: "signedIn", allowPendingPasswordChange: true, ownsSessionCookie: true },
  async ({ req, actor }) => {
    const user = await changeOwnPassword(actor, await parseBody(req, changePasswordSchema));
    if (actor?.kind === "user") await signIn("credentials", { ticket: issueLoginTicket(user), redirect: false });
    return { changed: true };
  },
);
