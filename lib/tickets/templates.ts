import { textToHtml } from "./sanitize";

/** The automatic acknowledgement, in the customer's language (spec 02). */
export function ackEmail(language: "nl" | "en", v: { number: number; subject: string; workingDays: number; name: string | null }) {
  const ref = `KIC-${v.number}`;
  if (language === "en") {
    const text = `Dear ${v.name || "Sir or Madam"},\n\nWe have received your email "${v.subject}". Your reference is [${ref}]; please keep it in the subject when you write to us about this.\n\nWe aim to answer within ${v.workingDays} working days.\n\nKind regards,\nIND Customer Information Centre (KIC)\n\nThis is an automatic message.`;
    return { subject: `We received your email [${ref}]`, text, html: textToHtml(text) };
  }
  const text = `Beste ${v.name || "heer/mevrouw"},\n\nWij hebben uw e-mail "${v.subject}" ontvangen. Uw referentie is [${ref}]; houd die in het onderwerp als u ons hierover schrijft.\n\nWij streven ernaar binnen ${v.workingDays} werkdagen te antwoorden.\n\nMet vriendelijke groet,\nIND Klantinformatiecentrum (KIC)\n\nDit is een automatisch bericht.`;
  return { subject: `Wij hebben uw e-mail ontvangen [${ref}]`, text, html: textToHtml(text) };
}
