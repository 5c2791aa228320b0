import { NextResponse, type NextRequest } from "next/server";

/**
 * Only redirects, never authorises: an agent page without a session cookie goes to /login (the page and
 * every service check the session and role themselves). Also takes `?lang=nl|en` from links in emails
 * and remembers it as the language.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(req: NextRequest) {
  const { pathname, searchParams } = req.nextUrl;
  if (pathname.startsWith("/agent") && !SESSION_COOKIES.some((c) => req.cookies.has(c))) {
    const login = new URL("/login", req.url);
    login.searchParams.set("callbackUrl", pathname + req.nextUrl.search);
    return NextResponse.redirect(login);
  }
  const lang = searchParams.get("lang");
  if (lang === "nl" || lang === "en") {
    const headers = new Headers(req.headers);
    const cookies = (req.headers.get("cookie") ?? "").split(/;\s*/).filter((c) => c && !c.startsWith("NEXT_LOCALE="));
    cookies.push(`NEXT_LOCALE=${lang}`);
    headers.set("cookie", cookies.join("; "));
    const res = NextResponse.next({ request: { headers } });
    res.cookies.set("NEXT_LOCALE", lang, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
    return res;
  }
  return NextResponse.next();
}

export const config = { matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"] };
