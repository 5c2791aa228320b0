import appointmentsEn from "@/messages/en/appointments.json";
import callsEn from "@/messages/en/calls.json";
import commonEn from "@/messages/en/common.json";
import complaintsEn from "@/messages/en/complaints.json";
import dashboardsEn from "@/messages/en/dashboards.json";
import errorsEn from "@/messages/en/errors.json";
import privacyEn from "@/messages/en/privacy.json";
import ticketsEn from "@/messages/en/tickets.json";
import appointmentsNl from "@/messages/nl/appointments.json";
import callsNl from "@/messages/nl/calls.json";
import commonNl from "@/messages/nl/common.json";
import complaintsNl from "@/messages/nl/complaints.json";
import dashboardsNl from "@/messages/nl/dashboards.json";
import errorsNl from "@/messages/nl/errors.json";
import privacyNl from "@/messages/nl/privacy.json";
import ticketsNl from "@/messages/nl/tickets.json";

/**
 * UI texts, one JSON file per capability and language (messages/<locale>/<capability>.json), each file
 * holding its own top-level namespaces. Emails, ICS files and letters use the same texts through
 * `translatorFor` (lib/i18n/translator.ts); `errors` translates the API's error codes.
 */
export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "NEXT_LOCALE";

export const toLocale = (v: unknown): Locale => (v === "en" ? "en" : "nl");

const all = {
  nl: { ...commonNl, ...errorsNl, ...appointmentsNl, ...ticketsNl, ...callsNl, ...complaintsNl, ...dashboardsNl, ...privacyNl },
  en: { ...commonEn, ...errorsEn, ...appointmentsEn, ...ticketsEn, ...callsEn, ...complaintsEn, ...dashboardsEn, ...privacyEn },
};

export type Messages = typeof all.nl;
export const messagesFor = (locale: Locale): Messages => all[locale] as Messages;
