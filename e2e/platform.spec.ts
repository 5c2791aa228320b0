import bcrypt from "bcryptjs";
import { DEMO, DEMO_PASSWORD, e2eQuery, expect, expectNoA11yViolations, loginAs, setLanguage, test } from "./fixtures";

test.describe("platform", () => {
  for (const locale of ["nl", "en"] as const) {
    test(`public pages pass axe in ${locale}`, async ({ page }) => {
      await page.goto("/");
      await setLanguage(page, locale);
      for (const path of ["/", "/login", "/toegankelijkheid"]) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.locator("h1")).toBeVisible();
        await expectNoA11yViolations(page, `${path} (${locale})`);
      }
    });
  }

  test("home leads to booking and complaints; the language switch works", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: /afspraak/i }).first()).toHaveAttribute("href", "/afspraak");
    await expect(page.getByRole("link", { name: /klacht/i }).first()).toHaveAttribute("href", "/klacht");
    await page.waitForLoadState("networkidle"); // hydrated: the switch is a server action
    await page.getByRole("button", { name: /english/i }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en", { timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to the IND");
    await page.getByRole("button", { name: /nederlands/i }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "nl", { timeout: 20_000 });
  });

  test("an agent page without a session redirects to /login", async ({ page }) => {
    await page.goto("/agent/tickets");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fagent%2Ftickets/);
  });

  test("every demo account signs in and sees its own navigation", async ({ page }) => {
    const expected: Record<keyof typeof DEMO, { has: RegExp[]; not: RegExp[] }> = {
      frontdesk: { has: [/^E-mail$/, /^Gesprekken$/], not: [/^Gebruikers$/, /^Dashboard$/] },
      backoffice: { has: [/^E-mail$/, /^Gesprekken$/], not: [/^Gebruikers$/] },
      desk: { has: [/^Loket$/], not: [/^E-mail$/, /^Gebruikers$/] },
      complaints: { has: [/^Klachten$/], not: [/^E-mail$/, /^Gebruikers$/] },
      supervisor: { has: [/^Dashboard$/, /^Wallboard$/], not: [/^Gebruikers$/] },
      admin: { has: [/^Gebruikers$/, /^API-sleutels$/], not: [] },
    };
    for (const role of Object.keys(DEMO) as (keyof typeof DEMO)[]) {
      await page.context().clearCookies();
      await loginAs(page, role);
      await expect(page).toHaveURL(/\/agent$/);
      const nav = page.getByRole("navigation", { name: "Menu medewerkers" });
      for (const name of expected[role].has) await expect(nav.getByRole("link", { name })).toBeVisible();
      for (const name of expected[role].not) await expect(nav.getByRole("link", { name })).toHaveCount(0);
    }
  });

  for (const locale of ["nl", "en"] as const) {
    test(`the agent shell and admin pages pass axe in ${locale}`, async ({ page }) => {
      await loginAs(page, "admin");
      await setLanguage(page, locale);
      for (const path of ["/agent", "/agent/admin/users", "/agent/admin/api-keys"]) {
        await page.goto(path);
        await expect(page.locator("h1")).toBeVisible();
        await expectNoA11yViolations(page, `${path} (${locale})`);
      }
    });
  }

  test("a frontdesk agent gets 403 on an admin page and API", async ({ page }) => {
    await loginAs(page, "frontdesk");
    const res = await page.goto("/agent/admin/users");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
    await expectNoA11yViolations(page);
    const api = await page.request.get("/api/v1/admin/users");
    expect(api.status()).toBe(403);
    expect((await api.json()).error.code).toBe("forbidden");
  });

  test("an agent API without a session answers 401 JSON", async ({ request }) => {
    const res = await request.get("/api/v1/admin/users");
    expect(res.status()).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
  });

  test("health answers ok", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  test("six wrong passwords get 429 and the right one works after the wait", async ({ page, request }) => {
    // A fresh account, so parallel journeys signing in as the demo users are not blocked.
    await loginAs(page, "admin");
    const email = `rl-${Date.now()}@kic.example`;
    const created = await page.request.post("/api/v1/admin/users", {
      data: { email, name: "Rate Limit", password: "right-password-1", role: "frontdesk" },
    });
    expect(created.status()).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await request.post("/api/v1/auth/login", { data: { email, password: `wrong-${i}` } });
      statuses.push(r.status());
      if (r.status() === 429) expect(Number(r.headers()["retry-after"])).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await request.post("/api/v1/auth/login", { data: { email, password: "right-password-1" } });
    expect(blocked.status()).toBe(429);
    const wait = Number(blocked.headers()["retry-after"]);
    await page.waitForTimeout((wait + 0.5) * 1000);
    const ok = await request.post("/api/v1/auth/login", { data: { email, password: "right-password-1" } });
    expect(ok.status()).toBe(200);
  });

  test("admin creates a user and an API key that works as Bearer", async ({ page, request }) => {
    await loginAs(page, "admin");
    await page.goto("/agent/admin/users");
    const email = `new-${Date.now()}@kic.example`;
    await page.locator("#u-name").fill("Nieuwe Collega");
    await page.locator("#u-email").fill(email);
    await page.locator("#u-password").fill("kort");
    await page.getByRole("button", { name: "Aanmaken" }).click();
    await expect(page.locator("#u-password-err")).toBeVisible();
    await page.locator("#u-password").fill("lang-genoeg-wachtwoord");
    await page.getByRole("button", { name: "Aanmaken" }).click();
    await expect(page.getByRole("cell", { name: email })).toBeVisible();
    await expectNoA11yViolations(page);

    await page.goto("/agent/admin/api-keys");
    await page.locator("#k-name").fill(`e2e key ${Date.now()}`);
    await page.locator("#k-role").selectOption("admin");
    await page.getByRole("button", { name: "Aanmaken" }).click();
    const key = (await page.getByTestId("new-api-key").textContent())!.trim();
    expect(key).toMatch(/^kic_/);
    const viaKey = await request.get("/api/v1/admin/users", { headers: { authorization: `Bearer ${key}` } });
    expect(viaKey.status()).toBe(200);
    const badKey = await request.get("/api/v1/admin/users", { headers: { authorization: "Bearer kic_nope" } });
    expect(badKey.status()).toBe(401);
    void DEMO_PASSWORD;
  });

  test("the login's callbackUrl cannot leave this site", async ({ page, baseURL }) => {
    for (const evil of ["/\\evil.example", "//evil.example", "https://evil.example/agent", "javascript:alert(1)"]) {
      await page.context().clearCookies();
      await page.goto(`/login?callbackUrl=${encodeURIComponent(evil)}`);
      await page.locator("#email").fill(DEMO.frontdesk);
      await page.locator("#password").fill(DEMO_PASSWORD);
      await page.locator("#login-form button[type=submit]").click();
      await page.waitForURL((u) => !u.pathname.startsWith("/login"));
      expect(new URL(page.url()).origin, evil).toBe(new URL(baseURL!).origin);
      await expect(page).toHaveURL(/\/agent$/);
    }
  });

  test("a password set by an admin is replaced at first sign-in; the password page passes axe in nl and en", async ({ page, browser }) => {
    await loginAs(page, "admin");
    const email = `pw-${Date.now()}@kic.example`;
    const created = await page.request.post("/api/v1/admin/users", {
      data: { email, name: "Nieuw Wachtwoord", password: "chosen-by-admin-1", role: "frontdesk" },
    });
    expect(created.status()).toBe(201);

    const context = await browser.newContext();
    const agent = await context.newPage();
    await agent.goto("/login?callbackUrl=%2Fagent%2Ftickets");
    await agent.locator("#email").fill(email);
    await agent.locator("#password").fill("chosen-by-admin-1");
    await agent.locator("#login-form button[type=submit]").click();
    await expect(agent).toHaveURL(/\/wachtwoord$/);
    await expect(agent.getByTestId("must-change")).toBeVisible();
    await expectNoA11yViolations(agent, "/wachtwoord (nl)");
    // Every agent page leads here until the password is changed.
    await agent.goto("/agent/calls");
    await expect(agent).toHaveURL(/\/wachtwoord$/);

    await agent.locator("#pw-current").fill("chosen-by-admin-1");
    await agent.locator("#pw-new").fill("my-own-password-1");
    await agent.locator("#pw-repeat").fill("something-else-1");
    await agent.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
    await expect(agent.locator("#pw-new-err")).toBeVisible();
    await expectNoA11yViolations(agent, "/wachtwoord with an error (nl)");
    await agent.locator("#pw-repeat").fill("my-own-password-1");
    await agent.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
    await expect(agent).toHaveURL(/\/agent$/);

    await setLanguage(agent, "en");
    await agent.goto("/wachtwoord");
    await expect(agent.getByRole("heading", { level: 1 })).toHaveText("Change password");
    await expect(agent.getByTestId("must-change")).toHaveCount(0);
    await expectNoA11yViolations(agent, "/wachtwoord (en)");
    await context.close();
  });

  test("signing out ends the session everywhere, and pages carry a nonce CSP", async ({ page, browser }) => {
    // A user of its own: signing out ends every session of the user, and the demo accounts are shared by
    // the journeys running in parallel.
    const email = `so-${Date.now()}@kic.example`;
    await e2eQuery(`insert into users (email, name, password_hash, role) values ($1, 'Sign Out', $2, 'backoffice')`, [
      email,
      bcrypt.hashSync("sign-out-password-1", 4),
    ]);
    const signIn = async (p: typeof page) => {
      await p.goto("/login");
      await p.locator("#email").fill(email);
      await p.locator("#password").fill("sign-out-password-1");
      await p.locator("#login-form button[type=submit]").click();
      await p.waitForURL(/\/agent$/);
    };
    const other = await browser.newContext();
    const second = await other.newPage();
    await signIn(second);
    await signIn(page);
    const res = await page.goto("/agent");
    const csp = res?.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expect(page).toHaveURL(/\/login/);
    await second.goto("/agent/tickets");
    await expect(second).toHaveURL(/\/login/);
    await other.close();
  });
});
