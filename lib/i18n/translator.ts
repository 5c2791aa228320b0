import { createTranslator } from "next-intl";
import { messagesFor, type Locale, type Messages } from "./messages";

/**
 * The catalogue's translator for code that has no request — emails sent by jobs, ICS files, letters,
 * report labels: the same messages and ICU formatting as the pages (`getTranslations`), for a given
 * language. `translatorFor("en", "appointmentMail")("confirmation.subject", { ref })`.
 */
export function translatorFor<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace, timeZone: "Europe/Amsterdam" });
}
