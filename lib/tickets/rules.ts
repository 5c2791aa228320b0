/**
 * Pure rules of the email intake (spec 02): threading, auto-acknowledgement suppression, language guess.
 * No I/O; the clock is an argument.
 */

export const REOPEN_WINDOW_DAYS = 30;
export const ACKS_PER_SENDER_PER_HOUR = 3;

/** The ticket number of a `[KIC-123]` tag in a subject, if any. */
export function ticketNumberFromSubject(subject: string | null | undefined): number | null {
  const m = subject?.match(/\[KIC-(\d{1,9})\]/i);
  return m ? Number(m[1]) : null;
}

/** The Message-IDs named in In-Reply-To and References, nearest first (In-Reply-To, then References backwards). */
export function referencedMessageIds(
  inReplyTo: string | string[] | null | undefined,
  references: string | string[] | null | undefined,
): string[] {
  const split = (v: string | string[] | null | undefined) => (Array.isArray(v) ? v.join(" ") : (v ?? "")).match(/<[^<>\s]+>/g) ?? [];
  const ids = [...split(inReplyTo), ...split(references).reverse()];
  return [...new Set(ids)];
}

export type ThreadAction = "append" | "reopen" | "new_linked";

/**
 * What a mail does to the ticket it threads onto: an active ticket gets the message; a solved or closed one
 * is reopened within 30 days of being solved/closed, later a new ticket linked to the old one is opened.
 */
export function threadAction(
  t: { status: string; solvedAt: Date | null; closedAt: Date | null; updatedAt: Date },
  now: Date,
): ThreadAction {
  if (t.status !== "solved" && t.status !== "closed") return "append";
  const since = t.solvedAt ?? t.closedAt ?? t.updatedAt;
  return now.getTime() - since.getTime() <= REOPEN_WINDOW_DAYS * 86_400_000 ? "reopen" : "new_linked";
}

/**
 * Why no acknowledgement may go to this mail (RFC 3834 and common practice), or null when one may. The
 * 3-per-hour limit is counted in SQL (lib/tickets/intake.ts).
 */
export function ackSuppressionReason(
  headers: Map<string, unknown> | Record<string, unknown>,
  from: string | null,
  ownDomain: string,
  messageId?: string | null,
): string | null {
  const get = (k: string): string | undefined => {
    const v = headers instanceof Map ? headers.get(k) : headers[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v;
    if (typeof v === "object" && "value" in (v as object)) return String((v as { value: unknown }).value);
    return String(v);
  };
  const auto = get("auto-submitted");
  if (auto !== undefined && auto.trim().toLowerCase().split(";")[0] !== "no") return "auto_submitted";
  const precedence = get("precedence")?.trim().toLowerCase();
  if (precedence && ["bulk", "list", "junk"].includes(precedence)) return "precedence";
  if (get("x-loop") !== undefined) return "x_loop";
  if (get("list-unsubscribe") !== undefined || get("list-id") !== undefined || get("list") !== undefined) return "list";
  if (get("x-auto-response-suppress") !== undefined) return "auto_response_suppress";
  if (!from) return "no_sender";
  const [local, domain = ""] = from.toLowerCase().split("@");
  if (/^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+-].*)?$/.test(local)) return "daemon_sender";
  const own = ownDomain.toLowerCase();
  if (domain === own) return "own_domain";
  if (messageId && messageId.toLowerCase().endsWith(`@${own}>`)) return "own_message_id";
  return null;
}

const NL_WORDS = [
  "de",
  "het",
  "een",
  "en",
  "ik",
  "mijn",
  "niet",
  "van",
  "voor",
  "met",
  "is",
  "dat",
  "wij",
  "u",
  "uw",
  "graag",
  "vraag",
  "verblijfsvergunning",
  "aanvraag",
  "hoi",
  "beste",
  "geachte",
  "groet",
  "groeten",
  "bedankt",
];
const EN_WORDS = [
  "the",
  "a",
  "an",
  "and",
  "i",
  "my",
  "not",
  "of",
  "for",
  "with",
  "is",
  "that",
  "we",
  "you",
  "your",
  "please",
  "question",
  "residence",
  "permit",
  "application",
  "hello",
  "dear",
  "regards",
  "thanks",
  "thank",
];

/** Dutch or English, guessed from the words of the mail; `fallback` (the customer's language) on a tie. */
export function guessLanguage(text: string, fallback: "nl" | "en" = "nl"): "nl" | "en" {
  const words = text.toLowerCase().match(/[a-zà-ÿ]+/g) ?? [];
  let nl = 0;
  let en = 0;
  for (const w of words.slice(0, 400)) {
    if (NL_WORDS.includes(w)) nl++;
    if (EN_WORDS.includes(w)) en++;
  }
  if (nl === en) return fallback;
  return nl > en ? "nl" : "en";
}

/** `Re: subject [KIC-12]`: keeps one tag and one Re:. */
export function replySubject(subject: string, number: number): string {
  const base = subject
    .replace(/\[KIC-\d+\]/gi, "")
    .replace(/\s+/g, " ")
    .trim();
  const re = /^(re|aw|antw)\s*:/i.test(base) ? base : `Re: ${base}`;
  return `${re} [KIC-${number}]`;
}

/** Fills `{{name}}` and `{{ticket}}` in a saved reply. */
export function fillPlaceholders(body: string, values: { name: string | null; ticket: number }): string {
  return body.replace(/\{\{\s*name\s*\}\}/g, values.name ?? "").replace(/\{\{\s*ticket\s*\}\}/g, `KIC-${values.ticket}`);
}
