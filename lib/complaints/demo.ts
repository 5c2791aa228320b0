import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { complaints, users } from "@/db/schema";
import { addDays, isWeekend } from "@/lib/calendar/dates";
import { addWorkingDays, atwCalendar, atwMove, isWorkingDay, statutoryDeadline } from "./deadline";
import { categoryForSubject } from "./categories";
import { isOralChannel } from "./oral";
import { todayNl } from "./service";

/**
 * A year of complaints at the seed's volume (4,750 in 2012: ~19 a working day, a few at weekends through
 * the web form), mostly about processing times; ~83% of those closed handled within the term (target 90%);
 * a realistic mix of outcomes; the last weeks still open, some overdue, some not yet acknowledged.
 * Deterministic (seeded PRNG), inserted in batches. Skips itself when complaints already has rows.
 */
export async function seedDemo(now: Date = new Date()): Promise<void> {
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from complaints`);
  if (rows[0].n > 0) return;
  const [handler] = await db.select({ id: users.id }).from(users).where(eq(users.email, "klachten@kic.example"));
  const cal = atwCalendar();
  const today = todayNl(now);
  let seed = 20121;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(pairs: [T, number][]): T => {
    let r = rnd();
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
  const FIRST = [
    "Ahmed",
    "Maria",
    "Jan",
    "Fatma",
    "Priya",
    "Li",
    "Olga",
    "Samir",
    "Anna",
    "Kofi",
    "Sofia",
    "Mehmet",
    "Emma",
    "Rahul",
    "Yara",
  ];
  const LAST = ["Yilmaz", "de Jong", "Jansen", "Kowalski", "Haddad", "Wang", "Singh", "Bakker", "Mensah", "Ivanova", "Visser", "Nguyen"];
  const DESCR: Record<string, string[]> = {
    processing_time: [
      "Mijn aanvraag voor een verblijfsvergunning ligt al maanden stil en ik krijg geen antwoord.",
      "My application for a residence permit has been pending for far longer than the legal term.",
      "De beslistermijn is verstreken en niemand kan mij vertellen hoe lang het nog duurt.",
    ],
    treatment: ["Ik ben aan het loket onvriendelijk behandeld.", "The staff member on the phone was rude to me."],
    information: [
      "Ik kreeg aan de telefoon tegenstrijdige informatie over mijn aanvraag.",
      "Nobody told me which documents I still had to send.",
    ],
    decision_quality: ["In de beslissing staan feiten die niet kloppen."],
    accessibility: ["Ik kon de IND drie dagen lang niet telefonisch bereiken.", "I waited more than an hour on the 0900 number."],
    desk_visit: ["Mijn afspraak aan het loket werd zonder bericht afgezegd."],
    other: ["Mijn brief is niet beantwoord."],
  };

  type Row = typeof complaints.$inferInsert;
  const out: Row[] = [];
  let n = 0;
  for (let d = addDays(today, -365); d < today; d = addDays(d, 1)) {
    const perDay = isWeekend(d) ? 2 + Math.floor(rnd() * 3) : isWorkingDay(d, cal) ? 14 + Math.floor(rnd() * 8) : 4;
    for (let i = 0; i < perDay; i++) {
      n++;
      const channel = pick<Row["channel"]>(
        isWeekend(d)
          ? [
              ["web", 0.8],
              ["email", 0.2],
            ]
          : [
              ["web", 0.45],
              ["email", 0.25],
              ["letter", 0.18],
              ["phone", 0.08],
              ["desk", 0.04],
            ],
      );
      const subject = pick<string>([
        ["processing_time", 0.55],
        ["treatment", 0.1],
        ["information", 0.12],
        ["decision_quality", 0.06],
        ["accessibility", 0.1],
        ["desk_visit", 0.04],
        ["other", 0.03],
      ]);
      const language = rnd() < 0.8 ? "nl" : "en";
      const name = `${FIRST[Math.floor(rnd() * FIRST.length)]} ${LAST[Math.floor(rnd() * LAST.length)]}`;
      const { deadline: statutory } = statutoryDeadline(d, false, cal);
      let deadline = statutory;
      const row: Row = {
        reference:
          sql`'K-' || to_char(${d}::date, 'YYYY') || '-' || lpad(nextval('complaint_number_seq')::text, 5, '0')` as unknown as string,
        channel,
        receivedOn: d,
        status: "open",
        complainantName: name,
        complainantEmail: channel === "letter" && rnd() < 0.6 ? null : `klager${n}@example.org`,
        complainantAddress: channel === "letter" ? `Voorbeeldstraat ${1 + (n % 200)}\n1234 AB Amsterdam` : null,
        complainantPhone: channel === "phone" ? `06${String(10000000 + n).slice(-8)}` : null,
        language,
        description: DESCR[subject][Math.floor(rnd() * DESCR[subject].length)],
        subject,
        category: categoryForSubject(subject),
        oralRule: isOralChannel(channel) ? "written_procedure" : null,
        handlerId: handler && rnd() < 0.93 ? handler.id : null,
        deadline,
      };
      if (!row.complainantEmail && !row.complainantAddress && !row.complainantPhone) row.complainantEmail = `klager${n}@example.org`;
      // Acknowledged within a few working days (the web form at once).
      const ackOn = channel === "web" ? d : addWorkingDays(d, 1 + Math.floor(rnd() * 4), cal);
      const age = Math.round((Date.parse(today) - Date.parse(d)) / 86_400_000);
      // The last days' letters and mails are partly not yet acknowledged (the tracker counts them).
      if (ackOn <= today && (age > 10 || rnd() < 0.7)) row.acknowledgedOn = ackOn;
      else if (channel === "email") row.status = "triage";
      // Postponed in about one case in eight, with notice before the deadline (Awb 9:11(2)).
      const noticeOn = addWorkingDays(statutory, -3, cal);
      if (rnd() < 0.12 && noticeOn <= today && noticeOn >= d) {
        const until = addDays(statutory, 14 + Math.floor(rnd() * 15));
        deadline = atwMove(until, cal).date;
        Object.assign(row, {
          postponedUntil: until,
          postponementNoticeOn: noticeOn,
          deadlineSteps: [{ kind: "postponed", until, noticeSentOn: noticeOn }],
          deadline,
        });
      }
      // Closing: 83% on time among the closed; older complaints are nearly all closed.
      const closeChance = age > 90 ? 0.995 : age > 42 ? 0.97 : age > 21 ? 0.45 : age > 7 ? 0.15 : 0.02;
      if (rnd() < closeChance && row.acknowledgedOn) {
        const onTime = rnd() < 0.825;
        const span = Math.round((Date.parse(deadline) - Date.parse(d)) / 86_400_000);
        let closedOn = onTime ? addDays(d, 3 + Math.floor(rnd() * Math.max(1, span - 3))) : addDays(deadline, 1 + Math.floor(rnd() * 35));
        if (closedOn > today) closedOn = today;
        if (closedOn > today || closedOn < d) continue;
        if (closedOn < row.acknowledgedOn!) closedOn = row.acknowledgedOn!;
        const how = pick<"decided" | "informal" | "declined">([
          ["decided", 0.68],
          ["informal", 0.25],
          ["declined", 0.07],
        ]);
        if (how === "declined" && closedOn <= addDays(d, 28)) {
          Object.assign(row, {
            declineReason: pick([
              ["already_handled", 0.3],
              ["objection_or_appeal", 0.4],
              ["over_a_year", 0.2],
              ["too_minor", 0.1],
            ]),
            declinedOn: closedOn,
          });
        } else if (how === "informal") {
          Object.assign(row, { informalOn: closedOn, informalNote: "Telefonisch toegelicht; klager tevreden (Praten werkt!)." });
        } else {
          const outcome = pick<string>([
            ["founded", 0.3],
            ["partly_founded", 0.22],
            ["unfounded", 0.4],
            ["no_judgement", 0.08],
          ]);
          Object.assign(row, {
            // Awb 9:10(2)(b): the complainant said they did not wish to be heard.
            hearingSkipGround: rnd() < 0.5 ? "complainant_waived" : null,
            hearingSkippedBecause: null,
            hearingReport: null,
            outcome,
            decisionReasons:
              outcome === "unfounded"
                ? "De behandeling verliep binnen de wettelijke termijn."
                : "De behandelduur was te lang; excuses aangeboden.",
            decidedOn: closedOn,
          });
          if (!row.hearingSkipGround) Object.assign(row, { hearingOn: closedOn, hearingReport: "Klager telefonisch gehoord." });
        }
        Object.assign(row, { status: "closed", closedAs: row.declinedOn ? "declined" : row.informalOn ? "informal" : "decided", closedOn });
      }
      out.push(row);
    }
  }
  for (let i = 0; i < out.length; i += 1000) await db.insert(complaints).values(out.slice(i, i + 1000));
  // One "received" event per complaint so that every file has the start of its timeline (set-based).
  await db.execute(sql`
    insert into events (at, actor_label, entity_type, entity_id, action, data)
    select (received_on::timestamp + time '09:00') at time zone 'Europe/Amsterdam', 'system:demo', 'complaint', id::text, 'received',
           jsonb_build_object('channel', channel, 'receivedOn', received_on)
    from complaints`);
}
