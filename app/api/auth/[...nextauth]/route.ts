import { NextRequest } from "next/server";
import { readBodyCapped } from "@/lib/api/body";
import { handlers } from "@/lib/auth/config";
import { errorResponse } from "@/lib/errors";

/**
 * next-auth's own endpoints (session, CSRF token, sign-in/out callbacks). The app signs in through
 * POST /api/v1/auth/login; here a POST body goes through the capped reader (16 kB) like every other body.
 */
export const GET = handlers.GET;

export async function POST(req: NextRequest): Promise<Response> {
  try {
    const body = await readBodyCapped(req, 16 * 1024);
    return await handlers.POST(new NextRequest(req.url, { method: req.method, headers: req.headers, body: body as BodyInit }));
  } catch (err) {
    return errorResponse(err);
  }
}
