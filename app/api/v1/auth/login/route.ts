import { z } from "zod";
import { apiRoute, parseBody } from "@/lib/api/route";
import { signIn } from "@/lib/auth/config";
import { checkCredentials } from "@/lib/auth/login";
import { issueLoginTicket } from "@/lib/auth/ticket";
import { clientIp } from "@/lib/platform/rate-limit";

const loginSchema = z.object({ email: z.string().trim().min(1, "required").max(320), password: z.string().min(1, "required").max(500) });

/**
 * Sign in with JSON: 200 and the session cookie, 401 for a wrong password, 429 with Retry-After when the
 * account, the client address or the service as a whole has had too many wrong passwords
 * (lib/auth/login.ts). The password is checked once; the session is made from a one-time ticket for the
 * verified user. The login page uses it too.
 */
export const POST = apiRoute({ permission: "public" }, async ({ req }) => {
  const { email, password } = await parseBody(req, loginSchema);
  const user = await checkCredentials(email, password, clientIp(req)); // throws 401 / 429
  await signIn("credentials", { ticket: issueLoginTicket(user), redirect: false });
  return { user: { id: user.id, name: user.name, role: user.role }, mustChangePassword: user.mustChangePassword };
});
