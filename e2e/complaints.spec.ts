import { DEMO, expect, expectNoA11yViolations, loginAs, setLanguage, test } from "./fixtures";

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

test.describe("complaints", () => {
  test("a complainant files in English, the handler postpones and decides, the status lookup shows the result", async ({
    page,
    browser,
  }) => {
    const email = `jane.${Date.now()}@example.org`;
    // 1. The public form, in English
    await page.goto("/");
    await setLanguage(page, "en");
    await page.goto("/klacht");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("File a complaint");
    await expectNoA11yViolations(page, "/klacht (en)");
    await page.getByLabel("Your name").fill("Jane Doe");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("What happened?").fill("My application for a residence permit has been pending for eight months.");
    await page
      .getByLabel("Attachments (optional)")
      .setInputFiles({ name: "letter.txt", mimeType: "text/plain", buffer: Buffer.from("Copy of my letter") });
    // A bad submission first: the error names the field
    await page.getByLabel("Your name").fill("");
    await page.getByRole("button", { name: "Send complaint" }).click();
    await expect(page.locator("#c-name-err")).toBeVisible();
    await expectNoA11yViolations(page, "/klacht with errors");
    await page.getByLabel("Your name").fill("Jane Doe");
    await page.getByRole("button", { name: "Send complaint" }).click();
    const created = page.getByTestId("complaint-created");
    await expect(created).toContainText(/Your reference is K-\d{4}-\d{5}/);
    const text = (await created.textContent())!;
    const reference = text.match(/K-\d{4}-\d{5,}/)![0];
    const deadline = text.match(/by (\d{4}-\d{2}-\d{2})/)![1];
    await expectNoA11yViolations(page, "/klacht done");

    // 2. The handler's tracker and file
    const agentContext = await browser.newContext();
    const agent = await agentContext.newPage();
    await loginAs(agent, "complaints");
    await agent.goto("/agent/complaints");
    await expect(agent.getByRole("heading", { level: 1 })).toHaveText("Klachten");
    await agent.getByLabel("Kanaal").selectOption("web");
    await agent.getByLabel("Behandelaar").selectOption("none");
    await expect(agent.getByRole("link", { name: reference })).toBeVisible();
    await expectNoA11yViolations(agent, "/agent/complaints");
    await agent.getByRole("link", { name: reference }).click();
    await expect(agent.getByRole("heading", { level: 1 })).toHaveText(reference);
    await expect(agent.getByTestId("deadline")).toHaveText(deadline);
    await expect(agent.getByTestId("deadline-basis")).toContainText("+ 6 weken");
    // The acknowledgement (Awb 9:6) is in the outbox, by email, in English
    const file = await (await agent.request.get(`/api/v1/complaints/${reference}`)).json();
    expect(file.letters).toEqual([
      expect.objectContaining({ kind: "acknowledgement", delivery: "email", language: "en", toAddress: email }),
    ]);
    expect(["queued", "sent"]).toContain(file.letters[0].emailStatus);
    expect(file.attachments).toEqual([expect.objectContaining({ filename: "letter.txt" })]);
    await expectNoA11yViolations(agent, "complaint file");

    // Assign to myself
    await agent.locator("#a-handler").selectOption({ label: "Karim El Amrani" });
    await agent.getByRole("button", { name: "Opslaan" }).click();
    await expect(agent.getByRole("status").filter({ hasText: "Opgeslagen." })).toBeVisible();

    // Postpone: four weeks and a day is refused with the rule, four weeks is accepted
    const postpone = agent.locator('form[aria-labelledby="postpone-title"]');
    await postpone.getByLabel("Nieuwe datum").fill(addDays(deadline, 29));
    await postpone.getByRole("button", { name: "Vastleggen" }).click();
    await expect(postpone.getByTestId("postpone-error")).toContainText("hoogstens vier weken");
    await expectNoA11yViolations(agent, "complaint file with a 422");
    await postpone.getByLabel("Nieuwe datum").fill(addDays(deadline, 28));
    await postpone.getByRole("button", { name: "Vastleggen" }).click();
    await expect(agent.getByTestId("deadline-basis")).toContainText("verdaagd met bericht op");
    const newDeadline = (await agent.getByTestId("deadline").textContent())!;
    expect(newDeadline >= addDays(deadline, 28)).toBe(true);

    // Deciding before the hearing is recorded is refused (Awb 9:10); record why it was skipped, then decide
    const decide = agent.locator('form[aria-labelledby="decide-title"]');
    await decide.getByLabel("Oordeel").selectOption("partly_founded");
    await decide.getByLabel("Motivering").fill("The application took too long; we apologise.");
    await decide.getByRole("button", { name: "Vastleggen" }).click();
    await expect(decide.getByTestId("decide-error")).toContainText("hoorverslag");
    // Issue 12: skipping the hearing takes one of the three grounds of Awb 9:10(2), not free text.
    const hearing = agent.locator('form[aria-labelledby="hearing-title"]');
    await hearing.getByLabel("Niet gehoord omdat").selectOption("complainant_waived");
    await hearing.getByLabel("Toelichting (niet verplicht)").fill("The complainant said they did not wish to be heard.");
    await hearing.getByRole("button", { name: "Vastleggen" }).click();
    await expect(agent.getByTestId("timeline")).toContainText("Horen achterwege gelaten");
    await decide.getByRole("button", { name: "Vastleggen" }).click();
    await expect(agent.getByTestId("status")).toHaveText("Beslist");
    await expect(agent.getByTestId("letters")).toContainText("Beslissing");
    await expect(agent.getByTestId("letters")).toContainText("Verdagingsbericht");
    await expectNoA11yViolations(agent, "closed complaint file");
    // The printable letter view
    await agent.getByRole("link", { name: /Afdrukken Beslissing/ }).click();
    await expect(agent.locator("article")).toContainText("National Ombudsman");
    await expectNoA11yViolations(agent, "letter");

    // 3. The complainant looks up the result
    await page.goto("/klacht/status");
    await page.getByLabel(/Reference/).fill(reference);
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Look up" }).click();
    await expect(page.getByTestId("complaint-status")).toContainText("Decided");
    await expect(page.getByTestId("complaint-status")).toContainText("Partly founded");
    await expectNoA11yViolations(page, "/klacht/status (en)");
    await agentContext.close();
  });

  test("issue 12: a handler records a complaint about a named unit, postpones it, and the letter goes to both; the monthly figures show this month", async ({
    page,
  }) => {
    const email = `unit.${Date.now()}@example.org`;
    const unit = `Afdeling Verblijf ${Date.now().toString(36)}`;
    await loginAs(page, "complaints");
    await page.goto("/agent/complaints/new");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klacht registreren");
    await page.locator("#r-name").fill("Piet Klager");
    await page.locator("#r-email").fill(email);
    await page.locator("#r-description").fill("De afdeling reageert al maanden niet op mijn brieven.");
    await page.locator("#r-concerned").fill(unit);
    await page.waitForLoadState("networkidle"); // the categories list is loaded by the client
    await page.getByLabel("Categorie").selectOption("bejegening");
    await expectNoA11yViolations(page, "/agent/complaints/new (filled)");
    await page.getByRole("button", { name: "Registreren" }).click();
    const created = page.getByTestId("complaint-created");
    await expect(created).toContainText("Termijn:");
    const deadline = (await created.textContent())!.match(/Termijn: (\d{4}-\d{2}-\d{2})/)![1];
    await created.getByRole("link", { name: "Open het dossier" }).click();

    await expect(page.getByTestId("person-concerned")).toHaveText(unit);
    await expect(page.getByTestId("category")).toHaveText("Bejegening");
    const postpone = page.locator('form[aria-labelledby="postpone-title"]');
    await expect(postpone.getByTestId("postpone-hint")).toContainText("vier weken tellen vanaf de geldende termijn");
    await expectNoA11yViolations(page, "complaint file about a unit");
    await postpone.getByLabel("Nieuwe datum").fill(addDays(deadline, 28));
    await postpone.getByRole("button", { name: "Vastleggen" }).click();
    await expect(page.getByTestId("deadline-basis")).toContainText("verdaagd met bericht op");
    const letters = page.getByTestId("letters");
    await expect(letters.getByRole("row", { name: /Verdagingsbericht.*aan klager: / })).toContainText(email);
    await expect(letters.getByRole("row", { name: /Verdagingsbericht.*aan betrokkene: / })).toContainText(unit);
    await expectNoA11yViolations(page, "complaint file after the postponement");

    await page.goto("/agent/complaints/publication");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klachten per maand");
    const now = new Date();
    const thisMonth = now.toLocaleDateString("nl-NL", { month: "long", year: "numeric", timeZone: "Europe/Amsterdam" });
    await expect(page.getByTestId("publication-month")).toHaveText(thisMonth);
    await expect(page.getByTestId("publication-table")).toContainText(thisMonth);
    await expectNoA11yViolations(page, "/agent/complaints/publication");
  });

  test("issue 12: an admin sees the decree days, enters Saba's Carnival Monday as a closed day, and sees the complaint categories", async ({
    page,
  }) => {
    await loginAs(page, "admin");
    await page.goto("/agent/admin/calendars");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kalenders");
    await expect(
      page.getByText(
        "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag",
      ),
    ).toBeVisible();
    await expectNoA11yViolations(page, "/agent/admin/calendars");
    const year = new Date().getUTCFullYear() + 2;
    const day = `${year}-07-${String(20 + (Date.now() % 7)).padStart(2, "0")}`;
    await page.getByLabel("Kalender").selectOption("SAB");
    await page.locator("#closed-day").fill(day);
    await page.getByLabel("Reden of naam").fill("Carnival Monday");
    await page.getByRole("button", { name: "Toevoegen" }).last().click();
    const row = page.getByRole("row", { name: new RegExp(`${day} Saba Carnival Monday`) });
    await expect(row).toBeVisible();
    await expectNoA11yViolations(page, "/agent/admin/calendars with a closed day");
    await row.getByRole("button", { name: /Verwijderen/ }).click();
    await expect(row).toHaveCount(0);

    await page.goto("/agent/admin/complaint-categories");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klachtcategorieën");
    await expect(page.getByLabel("Label (Nederlands) it")).toHaveValue(/IT/);
    await expectNoA11yViolations(page, "/agent/admin/complaint-categories");
  });

  test("the public complaint pages pass axe in Dutch", async ({ page }) => {
    for (const path of ["/klacht", "/klacht/status"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", "nl");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoA11yViolations(page, `${path} (nl)`);
    }
  });

  test("an agent registers a letter with a past date of receipt, prefilled from a call link; register and import pages", async ({
    page,
  }) => {
    await loginAs(page, "frontdesk");
    await page.goto("/agent/complaints/new?name=Piet%20Klager&phone=0612345678");
    await expect(page.locator("#r-name")).toHaveValue("Piet Klager");
    await expect(page.locator("#r-phone")).toHaveValue("0612345678");
    await expectNoA11yViolations(page, "/agent/complaints/new");
    await page.locator("#r-received").fill("2026-02-20");
    await page.locator("#r-description").fill("Brief: mijn aanvraag duurt te lang.");
    await page.getByRole("button", { name: "Registreren" }).click();
    // 20 Feb 2026 + 6 weeks = Good Friday → Easter → Tuesday 7 April (Atw)
    await expect(page.getByTestId("complaint-created")).toContainText("Termijn: 2026-04-07");

    await page.context().clearCookies();
    await loginAs(page, "supervisor");
    await page.goto("/agent/complaints/register");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("9:12a");
    await expectNoA11yViolations(page, "/agent/complaints/register");
    const csv = `reference,receivedOn,channel,acknowledgedOn,postponedUntil,closedOn,outcome\nE2E-${Date.now()},2025-03-03,letter,,,2025-04-01,unfounded\nE2E-bad,2025-02-30,letter,,,,\n`;
    await page.waitForLoadState("networkidle"); // the import form is a client component: hydrated first
    await page.locator("#imp-file").setInputFiles({ name: "old.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Importeren" }).click();
    await expect(page.getByRole("status").filter({ hasText: "1 geïmporteerd" })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("row", { name: /^3 E2E-bad/ })).toBeVisible();
    await page.getByRole("button", { name: "Importeren" }).click();
    await expect(page.getByRole("status").filter({ hasText: "0 geïmporteerd, 1 bestonden al" })).toBeVisible();
    await expectNoA11yViolations(page, "register after import");
    expect(DEMO.complaints).toBe("klachten@kic.example");
  });
});
