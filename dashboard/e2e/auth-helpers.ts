import { expect, type Page } from "@playwright/test";
import type { FakeAuthApi } from "./fake-auth-api";

export const REFRESH_TOKEN_KEY = "depot.refresh";

export function mainAlert(page: Page) {
  return page.getByRole("main").getByRole("alert");
}

export function storedRefreshToken(page: Page): Promise<string | null> {
  return page.evaluate((key) => window.localStorage.getItem(key), REFRESH_TOKEN_KEY);
}

/** Signs in through the login page and waits for the account page and the loads it starts. */
export async function signIn(page: Page, api: FakeAuthApi): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email address or username").fill(api.account.username);
  await page.getByLabel("Password", { exact: true }).fill(api.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  // The account page lists the sessions and loads the account again on arrival. Once both calls
  // are answered, what a test then changes in the fake API applies to later calls only.
  await expect(page.getByRole("list", { name: "Signed-in sessions" })).toBeVisible();
  await expect
    .poll(() => api.callsTo("GET /api/auth/account").filter((call) => call.status).length)
    .toBeGreaterThanOrEqual(2);
}

/** Starts on `path` as a browser that signed in on an earlier visit (a refresh token is kept). */
export async function openSignedIn(page: Page, api: FakeAuthApi, path: string): Promise<void> {
  // Seeded before the first page's scripts run: a page loaded first and seeded afterwards could
  // spend the token in a refresh of its own while the test navigates away.
  await page.addInitScript(
    ([key, token]) => {
      if (!window.sessionStorage.getItem("depot.test.seeded")) {
        window.sessionStorage.setItem("depot.test.seeded", "1");
        window.localStorage.setItem(key, token);
      }
    },
    [REFRESH_TOKEN_KEY, api.grantRefreshToken()] as const,
  );
  await page.goto(path);
}
