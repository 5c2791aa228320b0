import crypto from "node:crypto";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { expect, expectNoA11yViolations, loginAs, setLanguage, test } from "./fixtures";

/**
 * Spec 02 journeys. Mail comes in over real SMTP to the app's listener (E2E_SMTP_PORT), then agents work it.
 */
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2626);
const uid = () => crypto.randomBytes(3).toString("hex");

/** The front MTA's authserv-id the e2e server trusts (SMTP_AUTHSERV_ID in playwright.config.ts). */
const AUTHSERV = "mx.e2e.example";

async function mail(
  from: { name: string; address: string },
  subject: string,
  text: string,
  opts: { to?: string; headers?: Record<string, string> } = {},
): Promise<number> {
  const tr = nodemailer.createTransport({ host: "127.0.0.1", port: SMTP_PORT, secure: false, ignoreTLS: true } as SMTPTransport.Options);
  const info = await tr.sendMail({ from, to: opts.to ?? "kic@ind.example", subject, text, headers: opts.headers });
  tr.close();
  return Number(info.response.match(/KIC-(\d+)/)![1]);
}

test.describe("email tickets", () => {
  test("an agent filters the inbox, opens a ticket, sees the history, answers with a saved reply, notes, assigns and solves", async ({
    page,
  }) => {
    const token = uid();
    const customer = { name: `Maria Testa ${token}`, address: `maria.${token}@example.org` };
    const older = await mail(customer, `Eerdere vraag ${token}`, "Beste IND, ik heb een vraag over mijn afspraak.");
    const n = await mail(
      customer,
      `Documenten ${token}`,
      "Beste IND, ik wil graag weten hoe ik documenten kan nasturen voor mijn verblijfsvergunning.",
      {
        headers: {
          "Authentication-Results": `${AUTHSERV}; spf=pass smtp.mailfrom=${customer.address}; dkim=pass header.d=example.org; dmarc=pass header.from=example.org`,
        },
      },
    );

    await loginAs(page, "backoffice");
    await page.goto("/agent/tickets");
    await expect(page.getByRole("heading", { level: 1, name: "E-mail" })).toBeVisible();
    await expect(page.getByTestId("ticket-row").first()).toBeVisible();
    await expectNoA11yViolations(page, "inbox");

    await page.getByLabel("Status", { exact: true }).selectOption("new");
    await page.getByLabel("Behandelaar", { exact: true }).selectOption("none");
    await page.getByRole("searchbox", { name: "Zoeken" }).fill(`Documenten ${token}`);
    await page.getByRole("button", { name: "Zoeken" }).click();
    await expect(page.getByTestId("ticket-row")).toHaveCount(1);
    await page.getByRole("link", { name: `KIC-${n}` }).click();

    await expect(page.getByRole("heading", { level: 1 })).toContainText(`KIC-${n}`);
    await expect(page.getByTestId("customer-history")).toContainText(`KIC-${older}`);
    // what the front MTA found about the sender (issue 11 item 9)
    await expect(page.getByTestId("auth-results")).toContainText(
      "SPF geslaagd (example.org) · DKIM geslaagd (example.org) · DMARC geslaagd (example.org)",
    );
    await expectNoA11yViolations(page, "ticket");

    // saved reply with placeholders filled in
    await page.getByLabel("Standaardantwoord zoeken").fill("Documenten");
    await page.getByRole("button", { name: /Invoegen: Documenten nasturen/ }).click();
    await expect(page.getByLabel("Antwoord aan de klant")).toHaveValue(new RegExp(`Beste Maria Testa ${token}.*KIC-${n}`, "s"));

    // internal note
    await page.getByLabel("Interne notitie (niet zichtbaar voor de klant)").fill("Gebeld met klant, documenten volgen.");
    await page.getByRole("button", { name: "Notitie toevoegen" }).click();
    await expect(page.getByTestId("message-note")).toContainText("Gebeld met klant");

    // assign to me
    await page.getByRole("button", { name: "Toepassen: Toewijzen aan" }).click();
    await expect(page.getByTestId("ticket-assignee")).toHaveText("Bram Jansen");

    // send and solve
    await page.getByLabel("Status na versturen").selectOption("solved");
    await page.getByRole("button", { name: "Versturen" }).click();
    await expect(page.getByTestId("ticket-status")).toHaveText("Opgelost");
    await expect(page.getByTestId("message-out")).toContainText("Mijn IND");
    await expect(page.getByTestId("message-out")).toContainText("In de wachtrij");
    await expectNoA11yViolations(page, "ticket after reply");
  });

  test("a second agent sees the first one present and is warned before sending over a newer message", async ({ browser }) => {
    const token = uid();
    const n = await mail(
      { name: `Li Wang ${token}`, address: `li.${token}@example.org` },
      `Status aanvraag ${token}`,
      "Dear IND, what is the status of my residence permit application?",
    );
    const a = await browser.newContext();
    const b = await browser.newContext();
    try {
      const pa = await a.newPage();
      const pb = await b.newPage();
      await loginAs(pa, "backoffice");
      await pa.goto(`/agent/tickets/${n}`);
      await expect(pa.getByRole("heading", { level: 1 })).toContainText(`KIC-${n}`);

      await loginAs(pb, "frontdesk");
      await pb.goto(`/agent/tickets/${n}`);
      await expect(pb.getByTestId("presence")).toContainText("Bram Jansen bekijkt dit ticket", { timeout: 15_000 });
      await expectNoA11yViolations(pb, "ticket with presence");
      await expect(pa.getByTestId("presence")).toContainText("Fatima de Vries", { timeout: 15_000 });

      // B starts writing; meanwhile A adds a note, so the ticket is newer than what B opened
      await pb.getByLabel("Antwoord aan de klant").fill("Dear Li, your application is still being processed.");
      await pa.getByLabel("Interne notitie (niet zichtbaar voor de klant)").fill("Ik neem deze; klant belde net.");
      await pa.getByRole("button", { name: "Notitie toevoegen" }).click();
      await expect(pa.getByTestId("message-note")).toBeVisible();

      await pb.getByRole("button", { name: "Versturen" }).click();
      const warning = pb.getByTestId("stale-warning");
      await expect(warning).toBeVisible();
      await expect(warning).toContainText("veranderd");
      await expect(pb.getByTestId("message-note")).toContainText("klant belde net");
      await expect(pb.getByTestId("message-out")).toHaveCount(0);
      await expectNoA11yViolations(pb, "stale warning");
      // after reading, B decides to send anyway
      await warning.getByRole("button", { name: "Toch versturen" }).click();
      await expect(pb.getByTestId("message-out")).toHaveCount(1);
      await expect(warning).toHaveCount(0);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test("complaint mail stays with the complaints team; the frontdesk sees only that a complaint exists", async ({ page }) => {
    const token = uid();
    const secret = `geheim-${uid()}`;
    const customer = { name: `Karel Klager ${token}`, address: `karel.${token}@example.org` };
    const complaint = await mail(customer, `Klacht ${secret}`, `Ik ben onheus bejegend aan het loket. ${secret}`, {
      to: "klachten@ind.example",
    });
    const question = await mail(customer, `Vraag ${token}`, "Beste IND, wanneer hoor ik iets over mijn aanvraag?");

    await loginAs(page, "frontdesk");
    await page.goto(`/agent/tickets/${question}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`KIC-${question}`);
    const history = page.getByTestId("customer-history");
    await expect(history).toContainText("Klacht: er is een klacht, in behandeling bij het klachtenteam");
    await expect(history).not.toContainText(secret);
    await expect(history).not.toContainText(`KIC-${complaint}`);
    await expectNoA11yViolations(page, "ticket with a restricted complaint");
    await page.goto(`/agent/tickets/${complaint}`);
    await expect(page.getByText(`Ticket KIC-${complaint} not found`)).toBeVisible();
    await expect(page.locator("body")).not.toContainText(secret);

    await page.context().clearCookies();
    await loginAs(page, "complaints");
    await page.goto(`/agent/tickets/${complaint}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(secret);
    await expect(page.getByTestId("complaint-mail")).toContainText("klachtenmailbox");
    await expect(page.getByRole("button", { name: "Versturen" })).toHaveCount(0);
    await expectNoA11yViolations(page, "complaint mail (read-only)");
    await page.getByTestId("complaint-mail").getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("K-");
  });

  test("the admin sees the outbox with per-message status", async ({ page }) => {
    await loginAs(page, "admin");
    await page.goto("/agent/admin/outbox");
    await expect(page.getByRole("heading", { level: 1, name: "Uitgaande mail" })).toBeVisible();
    await expect(page.getByTestId("outbox-row").first()).toBeVisible();
    await expectNoA11yViolations(page, "outbox");
    await page.goto("/agent/tickets/new");
    await expect(page.getByRole("heading", { level: 1, name: "Nieuw ticket" })).toBeVisible();
    await expectNoA11yViolations(page, "new ticket");
  });

  test("in English: keyboard navigation of the inbox, and sender HTML shown harmless with remote images blocked", async ({ page }) => {
    await loginAs(page, "admin");
    await setLanguage(page, "en");
    await page.goto("/agent/tickets");
    await expect(page.getByRole("heading", { level: 1, name: "Email" })).toBeVisible();
    await expect(page.getByTestId("ticket-row").nth(1)).toBeVisible();
    await expectNoA11yViolations(page, "inbox (en)");
    await page.locator("body").click({ position: { x: 1, y: 1 } });
    await page.keyboard.press("j");
    await expect(page.locator(":focus")).toHaveText(/^KIC-\d+$/);
    const ref = await page.locator(":focus").innerText();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/agent/tickets/${ref.slice(4)}$`));

    // KIC-1 of the demo data carries HTML with a tracking image, a script and a javascript: link
    await page.goto("/agent/tickets/1");
    const body = page.locator(".mail-html").first();
    await expect(body).toBeVisible();
    await expect(body.locator("script")).toHaveCount(0);
    await expect(body.locator('a[href^="javascript:"]')).toHaveCount(0);
    await expect(body.locator("img")).not.toHaveAttribute("src", /.*/);
    await expectNoA11yViolations(page, "ticket (en)");
    await page.getByRole("button", { name: "Show images" }).first().click();
    await expect(page.locator(".mail-html img").first()).toHaveAttribute("src", "https://tracker.example.net/pixel.gif");
  });
});
