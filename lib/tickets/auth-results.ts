import type { AuthResults } from "@/db/schema/tickets";

/**
 * SPF/DKIM/DMARC as the front MTA recorded them in `Authentication-Results` (RFC 8601), for the ticket view.
 * Pure: header text in, summary out.
 *
 * Why only one authserv-id is trusted: anyone can write an `Authentication-Results: …; dmarc=pass` header into
 * the mail they send. RFC 8601 §5 makes a border MTA delete instances that claim its own authserv-id, so a
 * header bearing *our* front MTA's id (SMTP_AUTHSERV_ID) can only have been added by it; any other id is the
 * sender's say-so and is ignored. Without SMTP_AUTHSERV_ID nothing is trusted (and nothing recorded). As a
 * second line, the front MTA prepends its headers, so for each method the topmost trusted result wins over a
 * forged one further down. The inbound-email webhook never records them (lib/tickets/intake.ts): its callers
 * are API-key holders, not our MTA.
 */

/** The header fields of a raw message in order, unfolded, names lower-cased; stops at the blank line. */
export function headerFields(raw: Buffer | string, maxBytes = 256 * 1024): { name: string; value: string }[] {
  const text = (typeof raw === "string" ? raw : raw.subarray(0, maxBytes).toString("latin1")).slice(0, maxBytes);
  const end = text.search(/\r?\n\r?\n/);
  const block = end === -1 ? text : text.slice(0, end);
  const out: { name: string; value: string }[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && out.length) out[out.length - 1].value += ` ${line.trim()}`;
    else {
      const m = line.match(/^([!-9;-~]+):\s*(.*)$/);
      if (m) out.push({ name: m[1].toLowerCase(), value: m[2] });
    }
  }
  return out;
}

/** Removes RFC 5322 comments `( … )`, nested ones included, outside quoted strings. */
function stripComments(s: string): string {
  let out = "";
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "\\" && i + 1 < s.length) {
      if (!depth) out += c + s[i + 1];
      i++;
    } else if (quoted) {
      out += c;
      if (c === '"') quoted = false;
    } else if (c === "(") depth++;
    else if (c === ")" && depth) depth--;
    else if (!depth) {
      if (c === '"') quoted = true;
      out += c;
    }
  }
  return out;
}

/** Splits on `;` outside quoted strings. */
function splitResinfo(s: string): string[] {
  const parts: string[] = [];
  let cur = "";
  let quoted = false;
  for (const c of s) {
    if (c === '"') quoted = !quoted;
    if (c === ";" && !quoted) {
      parts.push(cur);
      cur = "";
    } else cur += c;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter(Boolean);
}

export type ParsedAuthResults = { authservId: string; results: { method: string; result: string; props: Record<string, string> }[] };

/** One header value: `authserv-id [version]; method=result ptype.prop=value …; …` */
export function parseAuthResultsHeader(value: string): ParsedAuthResults | null {
  const [head, ...rest] = splitResinfo(stripComments(value));
  const id = head?.trim().split(/\s+/)[0]?.toLowerCase();
  if (!id) return null;
  const results: ParsedAuthResults["results"] = [];
  for (const r of rest) {
    const m = r.match(/^([a-z0-9_-]+)(?:\/\d+)?\s*=\s*([a-z]+)\b(.*)$/i);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const p of m[3].matchAll(/([a-z0-9_-]+\.[a-z0-9_.-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s;]+)/gi))
      props[p[1].toLowerCase()] = p[2].replace(/^"|"$/g, "");
    results.push({ method: m[1].toLowerCase(), result: m[2].toLowerCase(), props });
  }
  return { authservId: id, results };
}

/**
 * The SPF, DKIM and DMARC results of the headers added by `authservId` (case-insensitive), topmost first; null
 * when no header bears that id or none says anything about the three methods. DKIM: within that header a
 * passing signature wins over failing ones (a mail may carry several), else the first.
 */
export function trustedAuthResults(raw: Buffer | string, authservId: string | null | undefined): AuthResults | null {
  if (!authservId) return null;
  const want = authservId.toLowerCase();
  const out: AuthResults = { authservId: want };
  for (const f of headerFields(raw)) {
    if (f.name !== "authentication-results") continue;
    const parsed = parseAuthResultsHeader(f.value);
    if (!parsed || parsed.authservId !== want) continue;
    // Each method from the topmost header that reports it; lower ones cannot change it.
    const spf = out.spf ? undefined : parsed.results.find((r) => r.method === "spf");
    const dkims = out.dkim ? [] : parsed.results.filter((r) => r.method === "dkim");
    const dmarc = out.dmarc ? undefined : parsed.results.find((r) => r.method === "dmarc");
    if (spf) {
      out.spf = spf.result;
      out.spfDomain = spf.props["smtp.mailfrom"]?.replace(/^.*@/, "") ?? spf.props["smtp.helo"];
    }
    if (dkims.length) {
      const dkim = dkims.find((r) => r.result === "pass") ?? dkims[0];
      out.dkim = dkim.result;
      out.dkimDomain = dkim.props["header.d"] ?? dkim.props["header.i"]?.replace(/^.*@/, "");
    }
    if (dmarc) {
      out.dmarc = dmarc.result;
      out.fromDomain = dmarc.props["header.from"];
    }
  }
  for (const k of Object.keys(out) as (keyof AuthResults)[]) if (out[k] === undefined) delete out[k];
  return out.spf || out.dkim || out.dmarc ? out : null;
}

/** For the ticket view: did the sender's domain fail DMARC (or, without DMARC, both SPF and DKIM)? */
export function authFailed(a: AuthResults | null | undefined): boolean {
  if (!a) return false;
  const bad = (r?: string) => r === "fail" || r === "softfail" || r === "permerror";
  if (a.dmarc) return bad(a.dmarc);
  return bad(a.spf) && (!a.dkim || bad(a.dkim) || a.dkim === "none");
}
