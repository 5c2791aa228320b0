import "server-only";
import { createEvent } from "ics";
import type { DbOrTx } from "@/db/client";
import type { OutboxAttachment } from "@/db/schema";
import { localDate, localTime } from "@/lib/calendar/time";
import { appUrl } from "@/lib/env";
import { translatorFor } from "@/lib/i18n/translator";
import { queueEmail } from "@/lib/mail/outbox";
import type { DeskInfo, ProductInfo } from "./config";

/** The applicant's emails and ICS files (spec 01, "Email"), in their language, through the outbox; texts from the catalogue. */
export type Lang = "nl" | "en";
export type MailAppointment = {
  id: string;
  reference: string;
  email: string | null;
  language: Lang;
  persons: number;
  personList: { name: string }[];
  startsAt: Date;
  endsAt: Date;
};

export const manageUrl = (reference: string, token: string, lang: Lang) =>
  `${appUrl()}/afspraak/beheer/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}&lang=${lang}`;
export const icsUrl = (reference: string, token: string) =>
  `${appUrl()}/api/v1/appointments/${encodeURIComponent(reference)}/ics?token=${encodeURIComponent(token)}`;

const deskName = (d: DeskInfo, l: Lang) => (l === "en" ? d.nameEn : d.nameNl);
const productName = (p: ProductInfo, l: Lang) => (l === "en" ? p.nameEn : p.nameNl);

function when(a: Pick<MailAppointment, "startsAt" | "endsAt">, desk: DeskInfo, l: Lang): string {
  const date = localDate(a.startsAt, desk.timeZone);
  const d = new Date(`${date}T12:00:00Z`).toLocaleDateString(l === "en" ? "en-GB" : "nl-NL", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return `${d}, ${localTime(a.startsAt, desk.timeZone)}–${localTime(a.endsAt, desk.timeZone)}`;
}

/** RFC 5545 event of the appointment (times in UTC; UID stable across reschedules, SEQUENCE grows). */
export function appointmentIcs(a: MailAppointment & { status?: string }, desk: DeskInfo, product: ProductInfo, sequence = 0): string {
  const l = a.language;
  const t = translatorFor(l, "appointmentMail");
  const { error, value } = createEvent({
    uid: `${a.id}@ind.example`,
    productId: "ind-kic/appointments",
    start: a.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: a.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: t("ics.summary", { product: productName(product, l), ref: a.reference }),
    location: t("ics.location", { desk: deskName(desk, l), address: desk.address }),
    description: t("ics.description", { ref: a.reference, persons: a.persons }),
    status: a.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    sequence,
  });
  if (error || !value) throw error ?? new Error("ics failed");
  return value;
}

const icsAttachment = (ics: string, reference: string): OutboxAttachment => ({
  filename: `afspraak-${reference}.ics`,
  contentType: "text/calendar; charset=utf-8; method=PUBLISH",
  contentBase64: Buffer.from(ics).toString("base64"),
});

/** The texts are in the catalogue (messages/<locale>/appointments.json, namespace `appointmentMail`). */
type Ctx = {
  ref: string;
  name: string;
  product: string;
  desk: string;
  address: string;
  when: string;
  persons: number;
  manage: string;
  book: string;
  reason: string;
};
export type AppointmentMailKind = "confirmation" | "cancellation" | "reschedule" | "reminder" | "closure";

/**
 * Queues one applicant email in the caller's transaction. The manage link needs the token, which only
 * exists in the request that made or presented it (only its hash is stored). Changes made for the
 * applicant (an agent's reschedule, a closure) issue a new token and send its link; the reminder refers to
 * the confirmation email's link.
 */
export async function queueAppointmentMail(
  tx: DbOrTx,
  kind: AppointmentMailKind,
  a: MailAppointment,
  desk: DeskInfo,
  product: ProductInfo,
  opts: { token?: string; reason?: string; sequence?: number } = {},
): Promise<void> {
  if (!a.email) return; // booked by phone without an email address: the agent tells the caller
  const l = a.language;
  const t = translatorFor(l, "appointmentMail");
  const ctx: Ctx = {
    ref: a.reference,
    name: a.personList[0]?.name ?? "",
    product: productName(product, l),
    desk: deskName(desk, l),
    address: desk.address,
    when: when(a, desk, l),
    persons: a.persons,
    // Without a token at hand (the reminder), point to the confirmation email's link rather than a dead one.
    manage: opts.token ? manageUrl(a.reference, opts.token, l) : t("manageWithoutLink"),
    book: `${appUrl()}/afspraak?lang=${l}`,
    reason: opts.reason ?? "",
  };
  const subject = t(`${kind}.subject`, ctx);
  const text = t(`${kind}.text`, ctx);
  const withIcs = kind === "confirmation" || kind === "reschedule";
  await queueEmail(tx, {
    to: a.email,
    toName: ctx.name,
    subject,
    text,
    language: l,
    kind: `appointment.${kind}`,
    contextType: "appointment",
    contextId: a.id,
    attachments: withIcs ? [icsAttachment(appointmentIcs(a, desk, product, opts.sequence ?? 0), a.reference)] : [],
  });
}
