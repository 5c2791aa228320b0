import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { customers, savedReplies, ticketMessages, tickets } from "@/db/schema";
import type { TicketQueue, TicketStatus } from "@/db/schema/tickets";
import { nlBusinessCalendar, slaDueTimes } from "./sla";

/** Saved replies of the KIC, in Dutch and English, with `{{name}}` and `{{ticket}}` placeholders. */
export const DEMO_SAVED_REPLIES = [
  {
    language: "nl",
    title: "Status aanvraag: nog in behandeling",
    body: "Beste {{name}},\n\nDank voor uw bericht ({{ticket}}). Uw aanvraag is nog in behandeling. De wettelijke beslistermijn is nog niet verstreken; u ontvangt onze beslissing per post.\n\nMet vriendelijke groet,\nIND Klantinformatiecentrum",
  },
  {
    language: "nl",
    title: "Adreswijziging: doorgeven via gemeente",
    body: "Beste {{name}},\n\nEen adreswijziging geeft u door aan uw gemeente. Die geeft de wijziging automatisch aan de IND door. U hoeft ons dus niets te sturen ({{ticket}}).\n\nMet vriendelijke groet,\nIND Klantinformatiecentrum",
  },
  {
    language: "nl",
    title: "Documenten nasturen",
    body: "Beste {{name}},\n\nU kunt ontbrekende documenten uploaden via Mijn IND of per post opsturen. Vermeld altijd uw V-nummer en {{ticket}}.\n\nMet vriendelijke groet,\nIND Klantinformatiecentrum",
  },
  {
    language: "nl",
    title: "Afspraak maken aan het loket",
    body: "Beste {{name}},\n\nU maakt een afspraak aan het loket via ind.nl/afspraak. Neem uw paspoort en de afspraakbevestiging mee ({{ticket}}).\n\nMet vriendelijke groet,\nIND Klantinformatiecentrum",
  },
  {
    language: "nl",
    title: "Naturalisatie: aanvraag via gemeente",
    body: "Beste {{name}},\n\nEen naturalisatieverzoek dient u in bij uw gemeente. De gemeente stuurt het door naar de IND ({{ticket}}).\n\nMet vriendelijke groet,\nIND Klantinformatiecentrum",
  },
  {
    language: "en",
    title: "Application status: still being processed",
    body: "Dear {{name}},\n\nThank you for your message ({{ticket}}). Your application is still being processed. The legal decision period has not yet passed; you will receive our decision by post.\n\nKind regards,\nIND Customer Information Centre",
  },
  {
    language: "en",
    title: "Change of address: via your municipality",
    body: "Dear {{name}},\n\nPlease report a change of address to your municipality; they pass it on to the IND automatically ({{ticket}}).\n\nKind regards,\nIND Customer Information Centre",
  },
  {
    language: "en",
    title: "Sending documents",
    body: "Dear {{name}},\n\nYou can upload missing documents in My IND or send them by post. Always state your V-number and {{ticket}}.\n\nKind regards,\nIND Customer Information Centre",
  },
  {
    language: "en",
    title: "Desk appointment",
    body: "Dear {{name}},\n\nYou can book a desk appointment at ind.nl/en/appointment. Bring your passport and the confirmation ({{ticket}}).\n\nKind regards,\nIND Customer Information Centre",
  },
] as const;

const NL_MAILS = [
  [
    "Status van mijn aanvraag verblijfsvergunning",
    "Geachte heer/mevrouw,\n\nIk heb drie maanden geleden een verblijfsvergunning aangevraagd (V-nummer {v}). Kunt u mij vertellen wat de status is? Ik heb nog niets gehoord.\n\nMet vriendelijke groet,\n{name}",
  ],
  [
    "Vraag over naturalisatie",
    "Beste IND,\n\nIk woon nu zes jaar in Nederland en wil graag naturaliseren. Moet ik de aanvraag bij u of bij de gemeente indienen?\n\nGroeten,\n{name}",
  ],
  [
    "Adreswijziging doorgeven",
    "Hallo,\n\nIk ben verhuisd naar een nieuw adres. Moet ik dit ook aan de IND doorgeven of doet de gemeente dat?\n\nBedankt,\n{name}",
  ],
  [
    "Documenten nagestuurd",
    "Geachte IND,\n\nIk heb de ontbrekende documenten (geboorteakte en inkomensverklaring) vorige week per post gestuurd. Zijn ze aangekomen?\n\nMet vriendelijke groet,\n{name}",
  ],
  [
    "Afspraak verzetten",
    "Beste medewerker,\n\nIk heb een afspraak aan het loket in Den Haag maar ik ben die dag ziek. Hoe kan ik mijn afspraak verzetten?\n\nGroet,\n{name}",
  ],
  [
    "Verblijfspas kwijt",
    "Goedemiddag,\n\nIk ben mijn verblijfspas verloren. Wat moet ik doen om een nieuwe aan te vragen?\n\nMet vriendelijke groet,\n{name}",
  ],
  [
    "Beslistermijn verstreken",
    "Geachte heer/mevrouw,\n\nDe beslistermijn van mijn aanvraag is verstreken en ik heb nog geen beslissing. Wanneer kan ik die verwachten?\n\n{name}",
  ],
] as const;
const EN_MAILS = [
  [
    "Status of my residence permit application",
    "Dear Sir or Madam,\n\nI applied for a residence permit as a highly skilled migrant three months ago (V-number {v}). Could you tell me the status of my application?\n\nKind regards,\n{name}",
  ],
  [
    "Question about the return visa",
    "Hello,\n\nMy residence permit is being extended and I need to travel abroad for a funeral. Can I get a return visa and how quickly?\n\nThanks,\n{name}",
  ],
  [
    "Change of address",
    "Dear IND,\n\nI have moved to a new address in Utrecht. Do I need to inform the IND as well?\n\nBest regards,\n{name}",
  ],
  [
    "Documents for my partner's application",
    "Dear Sir or Madam,\n\nWhich documents do I need to send for my partner's family reunification application?\n\nRegards,\n{name}",
  ],
  [
    "Biometrics appointment",
    "Hello,\n\nI received a letter asking me to come for biometrics. How do I make an appointment at the desk?\n\nThank you,\n{name}",
  ],
] as const;
const FIRST = [
  "Maria",
  "Ahmed",
  "Sophie",
  "Yusuf",
  "Li",
  "Priya",
  "Jan",
  "Fatma",
  "Olga",
  "Carlos",
  "Ana",
  "Mohammed",
  "Emma",
  "Noah",
  "Aisha",
  "Dmitri",
  "Sara",
  "Tomasz",
  "Mei",
  "Kwame",
];
const LAST = [
  "Gonzalez",
  "Yilmaz",
  "de Jong",
  "Kaya",
  "Wang",
  "Sharma",
  "Bakker",
  "Demir",
  "Ivanova",
  "Silva",
  "Costa",
  "Benali",
  "Jansen",
  "Visser",
  "Haddad",
  "Petrov",
  "Ahmadi",
  "Nowak",
  "Chen",
  "Mensah",
];

function prng(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

/** Demo data of the tickets capability, seeded once on an empty database (db/seed.ts): a few hundred tickets. */
export async function seedDemo(now = new Date()): Promise<void> {
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from tickets`);
  if (rows[0].n > 0) return;
  await db
    .insert(savedReplies)
    .values(DEMO_SAVED_REPLIES.map((r) => ({ ...r })))
    .onConflictDoNothing();
  const agents = await db.execute<{ id: string; name: string }>(
    sql`select id, name from users where role in ('frontdesk','backoffice') and active order by email`,
  );
  const rnd = prng(20260101);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];
  const cal = nlBusinessCalendar(now);

  // ~160 people, each writing one to three times
  const people = Array.from({ length: 160 }, (_, i) => {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length + i) % LAST.length];
    const language = rnd() < 0.3 ? "en" : "nl";
    return {
      name: `${first} ${last}`,
      email: `${first}.${last}.${i}`.toLowerCase().replace(/[^a-z0-9.]/g, "") + "@example.com",
      language,
      vNumber: String(3000000000 + i * 7919),
    };
  });
  const custRows = await db
    .insert(customers)
    .values(people.map((p) => ({ name: p.name, email: p.email, language: p.language, vNumber: p.vNumber })))
    .onConflictDoNothing()
    .returning({ id: customers.id, email: customers.email });
  const idByEmail = new Map(custRows.map((c) => [c.email!, c.id]));

  type Row = typeof tickets.$inferInsert;
  const ticketRows: Row[] = [];
  const bodies: {
    subject: string;
    text: string;
    from: string;
    name: string;
    lang: string;
    status: TicketStatus;
    created: Date;
    responded: Date | null;
    agent: string | null;
  }[] = [];
  for (let i = 0; i < 320; i++) {
    const p = people[i % people.length];
    const en = p.language === "en";
    const [subject, tpl] = en ? pick(EN_MAILS) : pick(NL_MAILS);
    const ageHours = Math.floor(rnd() * 24 * 45);
    const created = new Date(now.getTime() - ageHours * 3600_000);
    const r = rnd();
    // older tickets are mostly done; the last week's mostly still open (some overdue by now)
    const status: TicketStatus =
      ageHours > 24 * 14 ? (r < 0.7 ? "closed" : "solved") : r < 0.3 ? "new" : r < 0.55 ? "open" : r < 0.7 ? "pending" : "solved";
    const queue: TicketQueue = rnd() < 0.7 ? "frontdesk" : rnd() < 0.6 ? "backoffice" : "partners";
    const due = slaDueTimes(cal, created);
    const responded = status === "new" ? null : new Date(Math.min(now.getTime(), created.getTime() + (1 + rnd() * 40) * 3600_000));
    const agent = status === "new" || agents.rows.length === 0 || rnd() < 0.2 ? null : pick(agents.rows);
    ticketRows.push({
      subject,
      queue,
      status,
      priority: rnd() < 0.1 ? "high" : "normal",
      tags: subject.toLowerCase().includes("naturalisatie") ? ["naturalisatie"] : [],
      customerId: idByEmail.get(p.email) ?? null,
      channel: "email",
      mailbox: "kic@ind.example",
      language: p.language,
      assigneeId: agent?.id ?? null,
      ...due,
      firstRespondedAt: responded,
      solvedAt: status === "solved" || status === "closed" ? new Date(Math.min(now.getTime(), created.getTime() + 72 * 3600_000)) : null,
      closedAt: status === "closed" ? new Date(Math.min(now.getTime(), created.getTime() + 7 * 86_400_000)) : null,
      pausedAt: status === "pending" ? responded : null,
      lastMessageAt: responded ?? created,
      createdAt: created,
      updatedAt: responded ?? created,
    });
    bodies.push({
      subject,
      text: tpl.replace("{name}", p.name).replace("{v}", p.vNumber),
      from: p.email,
      name: p.name,
      lang: p.language,
      status,
      created,
      responded,
      agent: agent?.name ?? null,
    });
  }
  // one mail with HTML holding a tracking image and a script, to show the sanitiser at work
  const inserted = await db.insert(tickets).values(ticketRows).returning({ id: tickets.id, number: tickets.number });
  const msgs: (typeof ticketMessages.$inferInsert)[] = [];
  inserted.forEach((t, i) => {
    const b = bodies[i];
    msgs.push({
      ticketId: t.id,
      direction: "in",
      fromAddress: b.from,
      fromName: b.name,
      toAddress: "kic@ind.example",
      subject: b.subject,
      textBody: b.text,
      htmlRaw:
        i % 25 === 0
          ? `<p>${b.text.replace(/\n/g, "<br>")}</p><p><img src="https://tracker.example.net/pixel.gif" alt="logo"><script>alert(1)</script><a href="javascript:alert(1)">klik</a></p>`
          : null,
      messageId: `<demo-${i}-${t.number}@example.com>`,
      createdAt: b.created,
    });
    if (b.responded) {
      const en = b.lang === "en";
      msgs.push({
        ticketId: t.id,
        direction: "out",
        authorLabel: b.agent ?? "KIC",
        fromAddress: "kic@ind.example",
        toAddress: b.from,
        subject: `Re: ${b.subject} [KIC-${t.number}]`,
        textBody: en
          ? `Dear ${b.name},\n\nThank you for your message. We are looking into it.\n\nKind regards,\nIND KIC`
          : `Beste ${b.name},\n\nDank voor uw bericht. Wij zoeken het voor u uit.\n\nMet vriendelijke groet,\nIND KIC`,
        messageId: `<demo-reply-${i}-${t.number}@ind.example>`,
        inReplyTo: `<demo-${i}-${t.number}@example.com>`,
        createdAt: b.responded,
      });
      if (i % 7 === 0)
        msgs.push({
          ticketId: t.id,
          direction: "note",
          authorLabel: b.agent ?? "KIC",
          textBody: "Dossier gecontroleerd in INDiGO; aanvraag ligt bij de beslismedewerker.",
          createdAt: b.responded,
        });
    }
  });
  for (let i = 0; i < msgs.length; i += 500) await db.insert(ticketMessages).values(msgs.slice(i, i + 500));
}
