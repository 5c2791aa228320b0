import { apiRoute } from "@/lib/api/route";
import { signOutEverywhere } from "@/lib/auth/account";
import { signOut } from "@/lib/auth/config";

/** Sign out: ends every session of this user (all browsers, every instance) and clears the cookie here. */
export const POST = apiRoute({ permission: "signedIn", allowPendingPasswordChange: true, ownsSessionCookie: true }, async ({ actor }) => {
  await signOutEverywhere(actor!);
  await signOut({ redirect: false });
  return { signedOut: true };
});
