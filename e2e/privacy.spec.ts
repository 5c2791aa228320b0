import fs from "node:fs";
import { e2eQuery, expect, expectNoA11yViolations, loginAs, setLanguage, test } from "./fixtures";

/**
 * An access and erasure request (AVG art. 15, 17), as an admin handles it: find the person, download their
 * data, erase it after confirming. Every page state is checked with axe, in Dutch and English.
 */
test.describe("privacy (AVG)", () => {
  test("admin finds a person, exports their data and erases it after confirming", async ({ page }) => {
    const tok = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const email = `avg.${tok}@example.org`;
    const [c] = await e2eQuery<{ id: string }>(`insert into customers (name, email, phone) values ($1, $2, '0611122233') returning id`, [
      `Inge Verzoek ${tok}`,
      email,
    ]);
    await e2eQuery(
      `insert into tickets (subject, queue, status, channel, customer_id, closed_at) values ($1, 'frontdesk', 'closed', 'email', $2, now())`,
      [`Vraag over mijn pas ${tok}`, c.id],
    );

    await loginAs(page, "admin");
    await page.goto("/agent/admin/privacy");
    await expect(page.getByRole("heading", { level: 1, name: "Privacy (AVG)" })).toBeVisible();
    await expectNoA11yViolations(page, "privacy page");

    await page.getByLabel("Klantnummer, e-mailadres, telefoonnummer, V-nummer of naam").fill(email);
    await page.getByRole("button", { name: "Zoeken" }).click();
    const results = page.getByTestId("privacy-results");
    await expect(results.getByRole("rowheader", { name: `Inge Verzoek ${tok}` })).toBeVisible();
    await expectNoA11yViolations(page, "search results");

    await page.getByRole("button", { name: `Openen: Inge Verzoek ${tok}` }).click();
    const panel = page.getByTestId("privacy-person");
    await expect(panel.getByRole("heading", { name: `Gegevens van deze persoon: Inge Verzoek ${tok}` })).toBeFocused();
    await expect(panel.getByRole("row", { name: /E-mails \(tickets\) 1/ })).toBeVisible();
    await expectNoA11yViolations(page, "person panel");

    const [download] = await Promise.all([page.waitForEvent("download"), panel.getByRole("link", { name: "Download als JSON" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^inzageverzoek-.+\.json$/);
    const exported = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
    expect(exported.customer).toMatchObject({ id: c.id, email });
    expect(exported.tickets[0].subject).toBe(`Vraag over mijn pas ${tok}`);

    await panel.getByRole("button", { name: "Gegevens wissen…" }).click();
    const confirm = panel.getByRole("button", { name: "Definitief wissen" });
    await expect(confirm).toBeDisabled();
    await expectNoA11yViolations(page, "erase confirmation");
    await panel.getByRole("button", { name: "Annuleren" }).click();
    await expect(confirm).toHaveCount(0);
    await panel.getByRole("button", { name: "Gegevens wissen…" }).click();
    await panel.getByLabel(`Ik heb het verzoek gecontroleerd en wil de gegevens van Inge Verzoek ${tok} definitief wissen`).check();
    await confirm.click();
    await expect(panel.getByRole("status")).toContainText("De gegevens zijn gewist: 1 e-mails");
    await expectNoA11yViolations(page, "erased");

    const [after] = await e2eQuery<{ name: string | null; email: string | null; anonymised_at: Date | null }>(
      `select name, email, anonymised_at from customers where id = $1`,
      [c.id],
    );
    expect(after).toMatchObject({ name: null, email: null, anonymised_at: expect.any(Date) });
    const [t] = await e2eQuery<{ subject: string }>(
      `select subject from tickets where customer_id is null and subject = '' and anonymised_at is not null and closed_at > now() - interval '1 hour' limit 1`,
    );
    expect(t).toBeTruthy();
    const logged = await e2eQuery<{ action: string }>(
      `select action from events where (entity_type = 'customer' and entity_id = $1) or (action = 'read' and data->'customers' ? $1) order by id`,
      [c.id],
    );
    expect(logged.map((e) => e.action)).toEqual(expect.arrayContaining(["read", "erased"]));
  });

  test("the privacy page passes axe in English, retention periods included", async ({ page }) => {
    await loginAs(page, "admin");
    await setLanguage(page, "en");
    await page.goto("/agent/admin/privacy");
    await expect(page.getByRole("heading", { level: 1, name: "Privacy (GDPR)" })).toBeVisible();
    await expect(page.getByLabel("Complaints, after closing")).toHaveValue("1826");
    await page.getByRole("button", { name: "Run now" }).click();
    await expect(page.getByText("Done.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Last runs" })).toBeVisible();
    await expectNoA11yViolations(page, "privacy page (en)");
  });
});
