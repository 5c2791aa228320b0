import type { Page } from "@playwright/test";
import { e2eQuery, expect, expectNoA11yViolations, loginAs, setLanguage, test } from "./fixtures";

/** Spec 01 journeys. The outbox and the desk's past-slot situation are read/set in the e2e database (e2eQuery). */
async function pickFirstDayAndTime(page: Page, prefix: string) {
  await page.getByTestId(`${prefix}-day`).first().click();
  await page.getByTestId(`${prefix}-time`).first().click();
}

for (const locale of ["nl", "en"] as const) {
  test(`an applicant books for two at the earliest desk, then reschedules and cancels via the email link (${locale})`, async ({ page }) => {
    await page.goto("/");
    await setLanguage(page, locale);
    await page.goto("/afspraak");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expectNoA11yViolations(page, `/afspraak start (${locale})`);

    await page.locator("#public-product-BIO").check();
    await page.locator("#public-persons").selectOption("2");
    await page.locator("#public-desk-ALL").check();
    await expect(page.getByTestId("public-day").first()).toBeVisible();
    await expectNoA11yViolations(page, `/afspraak days (${locale})`);
    await pickFirstDayAndTime(page, "public");
    await expect(page.locator("#public-name-1")).toBeVisible();
    await expect(page.getByText(locale === "nl" ? /5 minuten voor u vastgehouden/ : /held for you for 5 minutes/)).toBeVisible();
    await expectNoA11yViolations(page, `/afspraak details (${locale})`);

    // A malformed email is refused and named, nothing is booked.
    await page.locator("#public-name-0").fill("Maria Santos");
    await page.locator("#public-name-1").fill("João Santos");
    await page.locator("#public-v-0").fill("1234567890");
    await page.locator("#public-email").fill("maria@");
    await page.getByTestId("book-submit").click();
    await expect(page.locator("#public-email-err")).toBeVisible();
    await expectNoA11yViolations(page, `/afspraak error (${locale})`);

    const email = `maria.${locale}.${Date.now()}@example.com`;
    await page.locator("#public-email").fill(email);
    await page.getByTestId("book-submit").click();
    const reference = (await page.getByTestId("reference").textContent())!.trim();
    expect(reference).toMatch(/^[A-Z]{2,3}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await expect(page.getByText(email)).toBeVisible();
    await expect(page.getByRole("link", { name: /ICS/ })).toHaveAttribute("href", /\/ics\?token=/);
    await expectNoA11yViolations(page, `/afspraak confirmation (${locale})`);

    // The confirmation is in the outbox, in the applicant's language, with a valid ICS and the manage link.
    const [mail] = await e2eQuery<{ text_body: string; language: string; attachments: { contentBase64: string; contentType: string }[] }>(
      `select text_body, language, attachments from outbound_emails where kind = 'appointment.confirmation' and to_address = $1`,
      [email],
    );
    expect(mail.language).toBe(locale);
    const ics = Buffer.from(mail.attachments[0].contentBase64, "base64").toString();
    expect(mail.attachments[0].contentType).toContain("text/calendar");
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r?\n/);
    for (const prop of ["UID:", "DTSTAMP:", "DTSTART:", "DTEND:", "SUMMARY:", "LOCATION:", "END:VEVENT"]) expect(ics).toContain(prop);
    const link = /(http\S+\/afspraak\/beheer\/\S+)/.exec(mail.text_body)![1];
    expect(link).toContain(`/afspraak/beheer/${reference}?token=`);

    const manage = new URL(link);
    await page.goto(manage.pathname + manage.search);
    await expect(page.getByTestId("manage-reference")).toHaveText(reference);
    await expectNoA11yViolations(page, `manage (${locale})`);
    const whenBefore = await page.getByTestId("manage-when").textContent();

    await page.getByRole("button", { name: locale === "nl" ? "Afspraak verzetten" : "Reschedule appointment" }).click();
    await pickFirstDayAndTime(page, "move");
    await expectNoA11yViolations(page, `manage reschedule (${locale})`);
    await page.getByRole("button", { name: locale === "nl" ? /^Verzetten naar/ : /^Move to/ }).click();
    await expect(page.getByText(locale === "nl" ? /is verzet naar/ : /has been moved to/)).toBeVisible();
    await expect(page.getByTestId("manage-when")).not.toHaveText(whenBefore!);

    await page.getByRole("button", { name: locale === "nl" ? "Afspraak afzeggen" : "Cancel appointment" }).click();
    await expectNoA11yViolations(page, `manage cancel (${locale})`);
    await page.getByRole("button", { name: locale === "nl" ? "Ja, zeg de afspraak af" : "Yes, cancel the appointment" }).click();
    await expect(page.getByTestId("manage-status")).toHaveText(locale === "nl" ? "Afgezegd" : "Cancelled");
    await expectNoA11yViolations(page, `manage cancelled (${locale})`);

    const kinds = await e2eQuery<{ kind: string }>(`select kind from outbound_emails where to_address = $1 order by created_at`, [email]);
    expect(kinds.map((k) => k.kind)).toEqual(["appointment.confirmation", "appointment.reschedule", "appointment.cancellation"]);
  });
}

test("an agent books for a caller from the call screen link (phone, no email) and finds it again", async ({ page }) => {
  await loginAs(page, "frontdesk");
  await page.goto("/agent/appointments?name=Jan%20Beller&phone=%2B31612345678&callId=e2e-call-1");
  await expect(page.locator("h1")).toBeVisible();
  await page.locator("#agent-product-DOC").check();
  await page.locator("#agent-desk-DH").check();
  await pickFirstDayAndTime(page, "agent");
  await expect(page.locator("#agent-name-0")).toHaveValue("Jan Beller");
  await expect(page.locator("#agent-phone")).toHaveValue("+31612345678");
  await expectNoA11yViolations(page, "/agent/appointments book");
  await page.getByTestId("book-submit").click();
  const reference = (await page.getByTestId("reference").textContent())!.trim();
  await expect(page.getByText(/geen e-mailadres/i)).toBeVisible();
  const [row] = await e2eQuery<{ call_id: string; booked_by: string | null; email: string | null }>(
    `select call_id, booked_by, email from appointments where reference = $1`,
    [reference],
  );
  expect(row).toMatchObject({ call_id: "e2e-call-1", email: null });
  expect(row.booked_by).not.toBeNull();

  await page.goto("/agent/appointments");
  await page.locator("#agent-q").fill(reference);
  await page.getByRole("button", { name: "Zoeken", exact: true }).click();
  await expect(page.getByRole("cell", { name: reference, exact: true })).toBeVisible();
  await page.getByRole("button", { name: `Openen ${reference}` }).click();
  await expect(page.getByTestId("manage-reference")).toHaveText(reference);
  await expectNoA11yViolations(page, "/agent/appointments find");
  // The caller cancels by phone: the agent does it for them (no token: the agent's session).
  await page.getByRole("button", { name: "Afspraak afzeggen" }).click();
  await page.getByRole("button", { name: "Ja, zeg de afspraak af" }).click();
  await expect(page.getByTestId("manage-status")).toHaveText("Afgezegd");
});

test("desk staff check a visitor in and mark a no-show after the slot", async ({ page }) => {
  // Two bookings at Amsterdam yesterday (slots over): one arrives, one does not.
  const [{ d }] = await e2eQuery<{ d: string }>(`select to_char((now() at time zone 'Europe/Amsterdam')::date - 1, 'YYYY-MM-DD') as d`);
  const refs = [
    `AM-E2E${Date.now().toString(36).slice(-3).toUpperCase()}-IN`,
    `AM-E2E${Date.now().toString(36).slice(-3).toUpperCase()}-NO`,
  ];
  for (const [i, ref] of refs.entries()) {
    const slot = `AM-${d}T07:0${i}`;
    await e2eQuery(
      `insert into appointment_slots (id, desk_code, starts_at, ends_at, local_date, places, taken)
       values ($1, 'AM', ($2 || ' 07:0' || $3)::timestamp at time zone 'Europe/Amsterdam', ($2 || ' 07:1' || $3)::timestamp at time zone 'Europe/Amsterdam', $2::date, 6, 1)
       on conflict (id) do update set taken = appointment_slots.taken + 1`,
      [slot, d, String(i)],
    );
    await e2eQuery(
      `insert into appointments (reference, slot_id, desk_code, product_key, starts_at, ends_at, local_date, persons, person_list, email, language, token_hash)
       select $1, s.id, 'AM', 'BIO', s.starts_at, s.ends_at, s.local_date, 1, $3::jsonb, 'desk.e2e@example.com', 'nl', md5($1) from appointment_slots s where s.id = $2`,
      [ref, slot, JSON.stringify([{ name: i === 0 ? "Komt Wel" : "Komt Niet" }])],
    );
  }
  await loginAs(page, "desk");
  await page.goto("/agent/desk");
  await expect(page.locator("h1")).toBeVisible();
  await expectNoA11yViolations(page, "/agent/desk today");
  await page.locator("#desk-date").fill(d);
  await expect(page.getByTestId(`row-${refs[0]}`)).toBeVisible();
  await page.getByRole("button", { name: `Inchecken ${refs[0]}` }).click();
  await expect(page.getByTestId(`row-${refs[0]}`)).toContainText("Ingecheckt");
  await page.getByRole("button", { name: `Niet verschenen ${refs[1]}` }).click();
  await expect(page.getByTestId(`row-${refs[1]}`)).toContainText("Niet verschenen");
  await expectNoA11yViolations(page, "/agent/desk after");
  const rows = await e2eQuery<{ reference: string; status: string }>(
    `select reference, status from appointments where reference = any($1) order by reference`,
    [refs],
  );
  expect(Object.fromEntries(rows.map((r) => [r.reference, r.status]))).toEqual({ [refs[0]]: "checked_in", [refs[1]]: "no_show" });

  await page.getByRole("button", { name: "Capaciteit en sluitingen" }).click();
  await expect(page.locator("#cap-slotMinutes")).toBeVisible();
  await expectNoA11yViolations(page, "/agent/desk capacity");
});

test("the admin reference page and the slot-alert result page pass axe", async ({ page }) => {
  await page.goto("/afspraak/melding?result=confirmed");
  await expect(page.getByText(/Uw melding is bevestigd/)).toBeVisible();
  await expectNoA11yViolations(page, "/afspraak/melding");
  await loginAs(page, "admin");
  await page.goto("/agent/admin/reference");
  await expect(page.getByRole("cell", { name: "BON", exact: true })).toBeVisible();
  await expectNoA11yViolations(page, "/agent/admin/reference");
});
