/**
 * Where to go after sign-in: only a path on this site. The value is resolved the way a browser resolves it
 * (WHATWG URL: `/\evil.example` and `//evil.example` are other hosts, `javascript:` has no origin), and
 * kept only when it stays on the base origin; anything else falls back.
 */
export function safeCallbackPath(raw: string | null | undefined, fallback = "/agent"): string {
  if (!raw || raw.length > 2000 || !raw.startsWith("/") || /[\u0000-\u001f\u007f]/.test(raw)) return fallback;
  const base = "http://this.invalid";
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}
