import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { complaintLetters, complaints, users } from "@/db/schema";
import type { IsoDate } from "@/lib/calendar/dates";
import { queueEmail } from "@/lib/mail/outbox";
import { renderLetter, type LetterContext, type LetterKind } from "./letters";

type Complaint = typeof complaints.$inferSelect;

/**
 * The letters a complaint step sends: one row in complaint_letters per recipient, emailed through the outbox
 * when there is an address, otherwise printed for the post (or internal mail, for a unit).
 */
export async function sendLetter(
  tx: Tx,
  c: Complaint,
  kind: LetterKind,
  sentOn: IsoDate,
  ctx: Partial<LetterContext> = {},
  recipient: "complainant" | "person_concerned" = "complainant",
) {
  let to: string | null = c.complainantEmail;
  let language = c.language as "nl" | "en";
  let name = c.complainantName;
  if (recipient === "person_concerned") {
    // A unit (or a person who is no user here) gets the letter on paper / internal mail, in Dutch.
    to = null;
    language = "nl";
    name = c.personConcerned ?? "";
    if (c.personConcernedId) {
      const [u] = await tx
        .select({ email: users.email, locale: users.locale, name: users.name })
        .from(users)
        .where(eq(users.id, c.personConcernedId));
      if (u) [to, language, name] = [u.email, u.locale as "nl" | "en", u.name];
    }
  }
  const text = renderLetter(kind, language, {
    reference: c.reference,
    name,
    receivedOn: c.receivedOn,
    deadline: c.deadline,
    toPersonConcerned: recipient === "person_concerned",
    ...ctx,
  });
  let outboundEmailId: string | null = null;
  if (to) {
    const mail = await queueEmail(tx, {
      to,
      toName: name,
      subject: text.subject,
      text: text.body,
      language,
      kind: `complaint.${kind}`,
      contextType: "complaint",
      contextId: c.id,
    });
    outboundEmailId = mail.id;
  }
  await tx.insert(complaintLetters).values({
    complaintId: c.id,
    kind,
    recipient,
    delivery: to ? "email" : "post",
    toAddress: to ?? (recipient === "complainant" ? c.complainantAddress : c.personConcerned),
    language,
    subject: text.subject,
    body: text.body,
    sentOn,
    outboundEmailId,
  });
}

/** Whether the complaint names the person or unit it is about (Awb 9:7, 9:10, 9:11(2), 9:12(1)). */
export const hasPersonConcerned = (c: Pick<Complaint, "personConcerned" | "personConcernedId">) =>
  !!(c.personConcerned || c.personConcernedId);

/**
 * A letter to the complainant and, when the complaint names one, to the person or unit it is about: the
 * postponement notice (Awb 9:11(2): "aan de klager en aan degene op wiens gedraging de klacht betrekking
 * heeft"), the findings (9:12(1): both are informed of the findings, the judgement and any conclusions),
 * and — our choice, for a complete file — the further postponement with consent and the withdrawal.
 */
export async function sendToParties(tx: Tx, c: Complaint, kind: LetterKind, sentOn: IsoDate, ctx: Partial<LetterContext> = {}) {
  await sendLetter(tx, c, kind, sentOn, ctx);
  if (hasPersonConcerned(c)) await sendLetter(tx, c, kind, sentOn, ctx, "person_concerned");
}
