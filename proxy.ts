import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/lib/auth/config";

/**
 * Pages only (the matcher leaves out /api and static files). Never authorises: every page and service checks
 * the session and role itself. It
 * - redirects an agent page without a session cookie to /login;
 * - sets the page's Content-Security-Policy with a fresh nonce (Next's documented pattern: Next reads the
 *   nonce from the request's CSP header and puts it on its own inline scripts; the pages are all dynamic);
 * - moves the session's idle timer on for signed-in page views (the refreshed cookie, lib/auth/config.ts);
 * - takes `?lang=nl|en` from links in emails and remembers it as the language.
 * The other security headers of every response are set by the web server (scripts/web-server.ts).
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  const https = (process.env.APP_URL ?? "").startsWith("https://");
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts Next's nonce-carrying scripts load are trusted; nothing inline without it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (charts, React style props) cannot carry a nonce; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // https: for the remote images an agent may choose to show in a mail (lib/tickets/sanitize.ts).
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    // The public forms solve the bot challenge in a Web Worker served from this site (lib/client/challenge.ts);
    // without worker-src, 'strict-dynamic' in script-src would leave workers to the nonce rules and block it.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export async function proxy(req: NextRequest) {
  const { pathname, searchParams } = req.nextUrl;
  const hasSession = SESSION_COOKIES.some((c) => req.cookies.has(c));
  if (pathname.startsWith("/agent") && !hasSession) {
    const login = new URL("/login", req.url);
    login.searchParams.set("callbackUrl", pathname + req.nextUrl.search);
    return NextResponse.redirect(login);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);

  let langCookie: "nl" | "en" | null = null;
  const lang = searchParams.get("lang");
  if (lang === "nl" || lang === "en") {
    const cookies = (req.headers.get("cookie") ?? "").split(/;\s*/).filter((c) => c && !c.startsWith("NEXT_LOCALE="));
    cookies.push(`NEXT_LOCALE=${lang}`);
    headers.set("cookie", cookies.join("; "));
    langCookie = lang;
  }
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  if (langCookie) res.cookies.set("NEXT_LOCALE", langCookie, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  if (hasSession && (pathname.startsWith("/agent") || pathname === "/wachtwoord")) {
    // next-auth's `auth({ req, res })`: reads the session and appends the refreshed cookie to `res`.
    await (auth as unknown as (a: { req: NextRequest; res: NextResponse }) => Promise<unknown>)({ req, res }).catch(() => undefined);
  }
  return res;
}

export const config = { matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"] };
