import { z } from "zod";
import { apiRoute, parseBody } from "@/lib/api/route";
import { signIn } from "@/lib/auth/config";
import { checkCredentials } from "@/lib/auth/login";

const loginSchema = z.object({ email: z.string().trim().min(1, "required"), password: z.string().min(1, "required") });

/**
 * Sign in with JSON: 200 and the session cookie, 401 for a wrong password, 429 with Retry-After when the
 * account is blocked after too many wrong passwords. The login page uses it too.
 */
export const POST = apiRoute({ permission: "public" }, async ({ req }) => {
  const { email, password } = await parseBody(req, loginSchema);
  const actor = await checkCredentials(email, password); // throws 401 / 429
  await signIn("credentials", { email, password, redirect: false });
  return { user: { id: actor.id, name: actor.name, role: actor.role } };
});
