/**
 * The texts of the complaint letters, per language (the complainant's). Plain text: emailed through the
 * outbox, or printed from the letter view for complainants who wrote by post.
 */
export type LetterLocale = "nl" | "en";
export type LetterKind =
  "acknowledgement" | "postponement" | "consent_postponement" | "decline" | "informal" | "hearing" | "decision" | "withdrawal";

export type LetterContext = {
  reference: string;
  name: string;
  receivedOn: string;
  deadline: string;
  until?: string;
  reason?: string;
  outcome?: string;
  reasons?: string;
  note?: string;
  on?: string;
  /** For the letter to the person concerned. */
  toPersonConcerned?: boolean;
};

const OUTCOME: Record<string, Record<LetterLocale, string>> = {
  founded: { nl: "gegrond", en: "founded" },
  partly_founded: { nl: "gedeeltelijk gegrond", en: "partly founded" },
  unfounded: { nl: "ongegrond", en: "unfounded" },
  no_judgement: { nl: "geen oordeel", en: "no judgement" },
};

export const DECLINE_REASONS = ["already_handled", "over_a_year", "objection_or_appeal", "before_court", "too_minor"] as const;
const DECLINE: Record<string, Record<LetterLocale, string>> = {
  already_handled: { nl: "de klacht is al eerder behandeld", en: "the complaint has already been dealt with" },
  over_a_year: { nl: "de gedraging vond meer dan een jaar geleden plaats", en: "the conduct took place more than a year ago" },
  objection_or_appeal: { nl: "er stond of staat bezwaar of beroep open", en: "objection or appeal is or was open to you" },
  before_court: { nl: "de zaak ligt bij de rechter", en: "the matter is before a court" },
  too_minor: { nl: "het belang of de gedraging is kennelijk onvoldoende", en: "the interest or the conduct is clearly insufficient" },
};

export const describeOutcome = (o: string, l: LetterLocale) => OUTCOME[o]?.[l] ?? o;

export const describeDeclineReason = (r: string, l: LetterLocale) => DECLINE[r]?.[l] ?? r;

const SIGN = { nl: "Met vriendelijke groet,\nIND Klachtbehandeling", en: "Kind regards,\nIND Complaints" };

export function renderLetter(kind: LetterKind, l: LetterLocale, c: LetterContext): { subject: string; body: string } {
  const nl = l === "nl";
  const hello = nl ? `Geachte ${c.name},` : `Dear ${c.name},`;
  const ref = nl ? `Kenmerk: ${c.reference}` : `Reference: ${c.reference}`;
  const wrap = (subject: string, ...paras: string[]) => ({
    subject: `${subject} — ${c.reference}`,
    body: [ref, "", hello, "", ...paras.flatMap((p) => [p, ""]), SIGN[l]].join("\n"),
  });
  switch (kind) {
    case "acknowledgement": // Awb 9:6
      return nl
        ? wrap(
            "Ontvangstbevestiging van uw klacht",
            `Wij hebben uw klacht op ${c.receivedOn} ontvangen. Uw kenmerk is ${c.reference}.`,
            `Wij handelen uw klacht uiterlijk op ${c.deadline} af. Lukt dat niet, dan laten wij u dat vóór die datum weten.`,
            "U kunt de stand van zaken bekijken op /klacht/status met uw kenmerk en e-mailadres.",
          )
        : wrap(
            "We have received your complaint",
            `We received your complaint on ${c.receivedOn}. Your reference is ${c.reference}.`,
            `We will deal with your complaint by ${c.deadline} at the latest. If we cannot, we will let you know before that date.`,
            "You can check its status at /klacht/status with your reference and email address.",
          );
    case "postponement": // Awb 9:11(2)
      if (c.toPersonConcerned)
        return nl
          ? wrap(
              "Verdaging klachtbehandeling",
              `De behandeling van klacht ${c.reference}, die over u of uw afdeling gaat, is verdaagd tot ${c.until}.`,
            )
          : wrap(
              "Complaint handling postponed",
              `The handling of complaint ${c.reference}, which concerns you or your department, has been postponed to ${c.until}.`,
            );
      return nl
        ? wrap(
            "Verdaging van de behandeling van uw klacht",
            `Wij hebben meer tijd nodig om uw klacht zorgvuldig te behandelen. Wij verdagen de behandeling tot uiterlijk ${c.until} (artikel 9:11, tweede lid, Algemene wet bestuursrecht).`,
          )
        : wrap(
            "We need more time for your complaint",
            `We need more time to deal with your complaint carefully. We are postponing our decision to ${c.until} at the latest (section 9:11(2) of the General Administrative Law Act).`,
          );
    case "consent_postponement": // Awb 9:11(3)
      if (c.toPersonConcerned)
        return nl
          ? wrap(
              "Verder uitstel klachtbehandeling",
              `Met instemming van de klager is de behandeling van klacht ${c.reference}, die over u of uw afdeling gaat, verder uitgesteld tot ${c.until}.`,
            )
          : wrap(
              "Complaint handling postponed further",
              `With the complainant's consent, the handling of complaint ${c.reference}, which concerns you or your department, has been postponed further to ${c.until}.`,
            );
      return nl
        ? wrap("Verder uitstel met uw instemming", `Met uw instemming van ${c.on} handelen wij uw klacht uiterlijk op ${c.until} af.`)
        : wrap(
            "Further postponement with your consent",
            `With the consent you gave on ${c.on}, we will deal with your complaint by ${c.until} at the latest.`,
          );
    case "decline": // Awb 9:8
      return nl
        ? wrap(
            "Wij nemen uw klacht niet in behandeling",
            `Wij nemen uw klacht niet in behandeling, omdat ${describeDeclineReason(c.reason ?? "", l)} (artikel 9:8 Algemene wet bestuursrecht).`,
            "Bent u het hier niet mee eens, dan kunt u zich binnen een jaar wenden tot de Nationale ombudsman (www.nationaleombudsman.nl).",
          )
        : wrap(
            "We will not deal with your complaint",
            `We will not deal with your complaint because ${describeDeclineReason(c.reason ?? "", l)} (section 9:8 of the General Administrative Law Act).`,
            "If you disagree, you can turn to the National Ombudsman (Nationale ombudsman, www.nationaleombudsman.nl) within one year.",
          );
    case "informal": // Awb 9:5
      return nl
        ? wrap(
            "Uw klacht is naar tevredenheid opgelost",
            `Zoals besproken op ${c.on} is uw klacht naar uw tevredenheid opgelost. Wij sluiten het dossier.`,
            c.note ?? "",
          )
        : wrap(
            "Your complaint has been resolved",
            `As discussed on ${c.on}, your complaint has been resolved to your satisfaction. We are closing the file.`,
            c.note ?? "",
          );
    case "hearing": // Awb 9:10
      if (c.toPersonConcerned)
        return nl
          ? wrap(
              "Uitnodiging hoorgesprek",
              `Over klacht ${c.reference}, die over u of uw afdeling gaat, willen wij u horen op ${c.on} (artikel 9:10 Algemene wet bestuursrecht).`,
            )
          : wrap(
              "Invitation to a hearing",
              `We would like to hear you on ${c.on} about complaint ${c.reference}, which concerns you or your department (section 9:10 of the General Administrative Law Act).`,
            );
      return nl
        ? wrap("Uitnodiging hoorgesprek", `Wij willen u graag horen over uw klacht op ${c.on}.`)
        : wrap("Invitation to a hearing", `We would like to hear you about your complaint on ${c.on}.`);
    case "decision": // Awb 9:12(1): the findings go to the complainant and the person concerned
      if (c.toPersonConcerned)
        return nl
          ? wrap(
              "Bevindingen en oordeel over een klacht",
              `Wij hebben klacht ${c.reference} van ${c.receivedOn}, die over u of uw afdeling gaat, onderzocht. Ons oordeel: de klacht is ${describeOutcome(c.outcome ?? "", l)} (artikel 9:12, eerste lid, Algemene wet bestuursrecht).`,
              c.reasons ?? "",
            )
          : wrap(
              "Findings on a complaint",
              `We have looked into complaint ${c.reference} of ${c.receivedOn}, which concerns you or your department. Our finding: the complaint is ${describeOutcome(c.outcome ?? "", l)} (section 9:12(1) of the General Administrative Law Act).`,
              c.reasons ?? "",
            );
      return nl
        ? wrap(
            "Beslissing op uw klacht",
            `Wij hebben uw klacht van ${c.receivedOn} onderzocht. Ons oordeel: de klacht is ${describeOutcome(c.outcome ?? "", l)}.`,
            c.reasons ?? "",
            "Bent u het niet eens met de afhandeling, dan kunt u zich binnen een jaar na deze brief wenden tot de Nationale ombudsman, Postbus 93122, 2509 AC Den Haag, www.nationaleombudsman.nl (artikel 9:12 en 9:22 Algemene wet bestuursrecht).",
          )
        : wrap(
            "Decision on your complaint",
            `We have looked into your complaint of ${c.receivedOn}. Our finding: the complaint is ${describeOutcome(c.outcome ?? "", l)}.`,
            c.reasons ?? "",
            "If you are not satisfied with how we handled it, you can turn to the National Ombudsman (Nationale ombudsman), PO Box 93122, 2509 AC The Hague, www.nationaleombudsman.nl, within one year of this letter (sections 9:12 and 9:22 of the General Administrative Law Act).",
          );
    case "withdrawal":
      if (c.toPersonConcerned)
        return nl
          ? wrap(
              "Klacht ingetrokken",
              `Klacht ${c.reference}, die over u of uw afdeling ging, is op ${c.on} door de klager ingetrokken. Wij behandelen de klacht niet verder.`,
            )
          : wrap(
              "Complaint withdrawn",
              `Complaint ${c.reference}, which concerned you or your department, was withdrawn by the complainant on ${c.on}. We will not deal with it further.`,
            );
      return nl
        ? wrap(
            "Bevestiging: u heeft uw klacht ingetrokken",
            `U heeft uw klacht op ${c.on} ingetrokken. Wij behandelen de klacht niet verder en sluiten het dossier.`,
            c.note ?? "",
          )
        : wrap(
            "Confirmation: you have withdrawn your complaint",
            `You withdrew your complaint on ${c.on}. We will not deal with it further and are closing the file.`,
            c.note ?? "",
          );
  }
}

/** A reminder to the handler or the supervisors (their own language). */
export function renderReminder(kind: string, l: LetterLocale, c: { reference: string; deadline: string; count?: number }) {
  const nl = l === "nl";
  if (kind === "supervisors_overdue")
    return nl
      ? {
          subject: `Klacht ${c.reference} is over de termijn`,
          body: `De termijn van klacht ${c.reference} is op ${c.deadline} verstreken en de klacht is nog niet afgehandeld.`,
        }
      : {
          subject: `Complaint ${c.reference} is overdue`,
          body: `The deadline of complaint ${c.reference} passed on ${c.deadline} and it is not yet closed.`,
        };
  const when =
    kind === "handler_2_weeks" ? (nl ? "over twee weken" : "in two weeks") : nl ? "over drie werkdagen" : "in three working days";
  return nl
    ? {
        subject: `Herinnering: klacht ${c.reference} moet ${when} af zijn`,
        body: `Klacht ${c.reference} moet uiterlijk ${c.deadline} zijn afgehandeld (${when}).`,
      }
    : {
        subject: `Reminder: complaint ${c.reference} is due ${when}`,
        body: `Complaint ${c.reference} must be dealt with by ${c.deadline} (${when}).`,
      };
}
