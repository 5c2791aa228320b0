import "server-only";
import { db } from "@/db/client";
import { deskProducts, desks, products, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";

import { DEMO_PASSWORD } from "./demo-mode";

export { DEMO_PASSWORD };

/** The demo accounts of spec 00. */
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; deskCodes?: string[]; extension?: string }[] = [
  { email: "frontdesk@kic.example", name: "Fatima de Vries", role: "frontdesk", extension: "201" },
  { email: "backoffice@kic.example", name: "Bram Jansen", role: "backoffice", extension: "301" },
  { email: "loket.am@kic.example", name: "Anouk Bakker", role: "desk", deskCodes: ["AM"] },
  { email: "klachten@kic.example", name: "Karim El Amrani", role: "complaints", extension: "401" },
  { email: "supervisor@kic.example", name: "Sanne Visser", role: "supervisor", extension: "101" },
  { email: "admin@kic.example", name: "Ahmed Yilmaz", role: "admin" },
];

/** The seven desks of the seed: four in the Netherlands, three in the Caribbean Netherlands (UTC−4). */
export const DESKS = [
  {
    code: "AM",
    nameNl: "Amsterdam",
    nameEn: "Amsterdam",
    address: "Stekkenbergweg 4, Amsterdam",
    timeZone: "Europe/Amsterdam",
    holidayCalendar: "NL",
    placesPerSlot: 6,
  },
  {
    code: "DH",
    nameNl: "Den Haag",
    nameEn: "The Hague",
    address: "Leeghwaterplein 40, Den Haag",
    timeZone: "Europe/Amsterdam",
    holidayCalendar: "NL",
    placesPerSlot: 5,
  },
  {
    code: "ZW",
    nameNl: "Zwolle",
    nameEn: "Zwolle",
    address: "Hanzelaan 310, Zwolle",
    timeZone: "Europe/Amsterdam",
    holidayCalendar: "NL",
    placesPerSlot: 3,
  },
  {
    code: "DB",
    nameNl: "'s-Hertogenbosch",
    nameEn: "'s-Hertogenbosch",
    address: "Leeghwaterlaan 16, 's-Hertogenbosch",
    timeZone: "Europe/Amsterdam",
    holidayCalendar: "NL",
    placesPerSlot: 4,
  },
  {
    code: "BON",
    nameNl: "Kralendijk (Bonaire)",
    nameEn: "Kralendijk (Bonaire)",
    address: "Kaya Grandi 2, Kralendijk",
    timeZone: "America/Kralendijk",
    holidayCalendar: "BON",
    placesPerSlot: 2,
  },
  {
    code: "EUX",
    nameNl: "Oranjestad (Sint Eustatius)",
    nameEn: "Oranjestad (St. Eustatius)",
    address: "Van Tonningenweg, Oranjestad",
    timeZone: "America/Kralendijk",
    holidayCalendar: "EUX",
    placesPerSlot: 1,
  },
  {
    code: "SAB",
    nameNl: "The Bottom (Saba)",
    nameEn: "The Bottom (Saba)",
    address: "Power Street, The Bottom",
    timeZone: "America/Kralendijk",
    holidayCalendar: "SAB",
    placesPerSlot: 1,
  },
] as const;

export const PRODUCTS = [
  { key: "DOC", nameNl: "Verblijfsdocument ophalen", nameEn: "Collect residence document", minutesPerPerson: 10 },
  {
    key: "BIO",
    nameNl: "Biometrische gegevens (foto, vingerafdrukken, handtekening)",
    nameEn: "Biometrics (photo, fingerprints, signature)",
    minutesPerPerson: 15,
  },
  { key: "VAA", nameNl: "Verblijfsaantekening (sticker)", nameEn: "Residence endorsement sticker", minutesPerPerson: 10 },
  { key: "TKV", nameNl: "Terugkeervisum", nameEn: "Return visa", minutesPerPerson: 15 },
] as const;

export async function seedPlatformDemo(): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  await db
    .insert(users)
    .values(DEMO_ACCOUNTS.map((a) => ({ ...a, deskCodes: a.deskCodes ?? [], extension: a.extension ?? null, passwordHash: hash })))
    .onConflictDoNothing();
  await seedReferenceData();
}

/** Desks and products are reference data every installation needs, demo or not. */
export async function seedReferenceData(): Promise<void> {
  await db
    .insert(desks)
    .values(DESKS.map((d) => ({ ...d })))
    .onConflictDoNothing();
  await db
    .insert(products)
    .values(PRODUCTS.map((p) => ({ ...p })))
    .onConflictDoNothing();
  const links = DESKS.flatMap((d) =>
    (d.holidayCalendar !== "NL" ? ["DOC", "BIO"] : ["DOC", "BIO", "VAA", "TKV"]).map((p) => ({ deskCode: d.code, productKey: p })),
  );
  await db.insert(deskProducts).values(links).onConflictDoNothing();
}
