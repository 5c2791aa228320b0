import "server-only";
import { createEvent } from "ics";
import type { DbOrTx } from "@/db/client";
import type { OutboxAttachment } from "@/db/schema";
import { localDate, localTime } from "@/lib/calendar/time";
import { appUrl } from "@/lib/env";
import { queueEmail } from "@/lib/mail/outbox";
import type { DeskInfo, ProductInfo } from "./config";

/** The applicant's emails (spec 01, "Email"), in their language, through the outbox. */
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
  const { error, value } = createEvent({
    uid: `${a.id}@ind.example`,
    productId: "ind-kic/appointments",
    start: a.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: a.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: `IND ${l === "en" ? "appointment" : "afspraak"}: ${productName(product, l)} (${a.reference})`,
    location: `IND ${deskName(desk, l)}, ${desk.address}`,
    description: `${l === "en" ? "Reference" : "Referentie"}: ${a.reference}\n${l === "en" ? "Persons" : "Personen"}: ${a.persons}`,
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

const T = {
  confirmation: {
    nl: (x: Ctx) => ({
      subject: `Bevestiging IND-afspraak ${x.ref}`,
      text: `Beste ${x.name},\n\nUw afspraak bij de IND is gemaakt.\n\nReferentie: ${x.ref}\nWat: ${x.product}\nWaar: IND-loket ${x.desk}, ${x.address}\nWanneer: ${x.when}\nAantal personen: ${x.persons}\n\nNeem voor iedere persoon een geldig identiteitsbewijs mee.\n\nAfspraak bekijken, verzetten of afzeggen: ${x.manage}\n\nDe afspraak staat ook in de bijlage, voor uw agenda.\n\nMet vriendelijke groet,\nIND`,
    }),
    en: (x: Ctx) => ({
      subject: `Confirmation of your IND appointment ${x.ref}`,
      text: `Dear ${x.name},\n\nYour IND appointment has been booked.\n\nReference: ${x.ref}\nWhat: ${x.product}\nWhere: IND desk ${x.desk}, ${x.address}\nWhen: ${x.when}\nPersons: ${x.persons}\n\nBring valid identification for every person.\n\nView, reschedule or cancel: ${x.manage}\n\nThe appointment is attached for your calendar.\n\nKind regards,\nIND`,
    }),
  },
  cancellation: {
    nl: (x: Ctx) => ({
      subject: `Afspraak ${x.ref} is afgezegd`,
      text: `Beste ${x.name},\n\nUw afspraak ${x.ref} op ${x.when} bij IND-loket ${x.desk} is afgezegd.\n\nEen nieuwe afspraak maakt u op ${x.book}\n\nMet vriendelijke groet,\nIND`,
    }),
    en: (x: Ctx) => ({
      subject: `Appointment ${x.ref} has been cancelled`,
      text: `Dear ${x.name},\n\nYour appointment ${x.ref} on ${x.when} at IND desk ${x.desk} has been cancelled.\n\nBook a new appointment at ${x.book}\n\nKind regards,\nIND`,
    }),
  },
  reschedule: {
    nl: (x: Ctx) => ({
      subject: `Afspraak ${x.ref} is verzet`,
      text: `Beste ${x.name},\n\nUw afspraak ${x.ref} is verzet.\n\nNieuwe tijd: ${x.when}\nWaar: IND-loket ${x.desk}, ${x.address}\n\nBeheren: ${x.manage}\n\nMet vriendelijke groet,\nIND`,
    }),
    en: (x: Ctx) => ({
      subject: `Appointment ${x.ref} has been moved`,
      text: `Dear ${x.name},\n\nYour appointment ${x.ref} has been moved.\n\nNew time: ${x.when}\nWhere: IND desk ${x.desk}, ${x.address}\n\nManage: ${x.manage}\n\nKind regards,\nIND`,
    }),
  },
  reminder: {
    nl: (x: Ctx) => ({
      subject: `Herinnering: morgen uw IND-afspraak ${x.ref}`,
      text: `Beste ${x.name},\n\nMorgen heeft u een afspraak bij de IND.\n\nWanneer: ${x.when}\nWaar: IND-loket ${x.desk}, ${x.address}\nReferentie: ${x.ref}\n\nKunt u niet komen? Zeg dan af: ${x.manage}\n\nMet vriendelijke groet,\nIND`,
    }),
    en: (x: Ctx) => ({
      subject: `Reminder: your IND appointment ${x.ref} is tomorrow`,
      text: `Dear ${x.name},\n\nYou have an IND appointment tomorrow.\n\nWhen: ${x.when}\nWhere: IND desk ${x.desk}, ${x.address}\nReference: ${x.ref}\n\nCannot come? Please cancel: ${x.manage}\n\nKind regards,\nIND`,
    }),
  },
  closure: {
    nl: (x: Ctx) => ({
      subject: `Uw IND-afspraak ${x.ref} moet verzet worden`,
      text: `Beste ${x.name},\n\nIND-loket ${x.desk} is gesloten op de dag van uw afspraak ${x.ref} (${x.when}). Reden: ${x.reason}.\n\nKies een andere tijd: ${x.manage}\n\nOnze excuses voor het ongemak.\n\nMet vriendelijke groet,\nIND`,
    }),
    en: (x: Ctx) => ({
      subject: `Please reschedule your IND appointment ${x.ref}`,
      text: `Dear ${x.name},\n\nIND desk ${x.desk} is closed on the day of your appointment ${x.ref} (${x.when}). Reason: ${x.reason}.\n\nPlease choose another time: ${x.manage}\n\nWe apologise for the inconvenience.\n\nKind regards,\nIND`,
    }),
  },
} as const;
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
export type AppointmentMailKind = keyof typeof T;

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
  const ctx: Ctx = {
    ref: a.reference,
    name: a.personList[0]?.name ?? "",
    product: productName(product, l),
    desk: deskName(desk, l),
    address: desk.address,
    when: when(a, desk, l),
    persons: a.persons,
    // Without a token at hand (the reminder), point to the confirmation email's link rather than a dead one.
    manage: opts.token
      ? manageUrl(a.reference, opts.token, l)
      : l === "en"
        ? "use the link in your confirmation email"
        : "gebruik de link in uw bevestigingsmail",
    book: `${appUrl()}/afspraak?lang=${l}`,
    reason: opts.reason ?? "",
  };
  const { subject, text } = T[kind][l](ctx);
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
