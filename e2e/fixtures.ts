import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrl } from "./e2e-env";

export const DEMO_PASSWORD = "kic-demo-2026";
export const DEMO = {
  frontdesk: "frontdesk@kic.example",
  backoffice: "backoffice@kic.example",
  desk: "loket.am@kic.example",
  complaints: "klachten@kic.example",
  supervisor: "supervisor@kic.example",
  admin: "admin@kic.example",
} as const;
export type DemoRole = keyof typeof DEMO;

/** axe with the WCAG 2.1 A/AA rules; every journey calls it on every page it visits. */
export async function expectNoA11yViolations(page: Page, label = page.url()) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(" | ")}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Sets the UI language (the cookie the language switch sets). */
export async function setLanguage(page: Page, locale: "nl" | "en") {
  const url = new URL(page.url().startsWith("http") ? page.url() : (test.info().project.use.baseURL as string));
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: url.origin }]);
}

/** Signs in through the login page, as a user would. */
export async function loginAs(page: Page, role: DemoRole) {
  await page.goto("/login");
  await page.locator("#email").fill(DEMO[role]);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.locator("#login-form button[type=submit]").click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

export const test = base;
export { expect };

/** A query on the e2e server's database (embedded or external), for setting up and checking what the UI cannot show. */
export async function e2eQuery<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}
