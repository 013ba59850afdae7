import { expect, type Page } from "@playwright/test";
import { FakeAuthApi } from "./fake-auth-api";

/** The API the test build calls (NEXT_PUBLIC_DEPOT_API_URL's default), which sets the cookie. */
export const API_ORIGIN = "http://localhost:8080";
/** What the dashboard keeps in localStorage while signed in: a flag, not a token. */
export const SIGNED_IN_KEY = "depot.signed-in";

export function mainAlert(page: Page) {
  return page.getByRole("main").getByRole("alert");
}

/** The refresh token in the browser's cookie for the API's refresh path (null: none). */
export async function refreshCookie(page: Page): Promise<string | null> {
  const cookies = await page.context().cookies(`${API_ORIGIN}/api/auth/refresh`);
  return cookies.find((c) => c.name === FakeAuthApi.COOKIE)?.value ?? null;
}

/** The dashboard's signed-in flag in localStorage (null: signed out). */
export function signedInFlag(page: Page): Promise<string | null> {
  return page.evaluate((key) => window.localStorage.getItem(key), SIGNED_IN_KEY);
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

/** Starts on `path` as a browser that signed in on an earlier visit (a refresh cookie is kept). */
export async function openSignedIn(page: Page, api: FakeAuthApi, path: string): Promise<void> {
  const token = api.grantRefreshToken();
  await page.context().addCookies(
    ["/api/auth/refresh", "/api/auth/logout"].map((path) => ({
      name: FakeAuthApi.COOKIE,
      value: token,
      domain: new URL(API_ORIGIN).hostname,
      path,
      httpOnly: true,
      secure: true,
      sameSite: "Strict" as const,
    })),
  );
  // Before the first page's scripts run; only once, so that signing out in the test sticks.
  await page.addInitScript((key) => {
    if (!window.sessionStorage.getItem("depot.test.seeded")) {
      window.sessionStorage.setItem("depot.test.seeded", "1");
      window.localStorage.setItem(key, "1");
    }
  }, SIGNED_IN_KEY);
  await page.goto(path);
}
