import { expect, test } from "@playwright/test";
import { API_ORIGIN, openSignedIn, refreshCookie, signIn } from "./auth-helpers";
import { problem } from "./fake-api";
import { FakeAuthApi } from "./fake-auth-api";

test("renews a refused access token once and repeats the calls with the new one", async ({
  page,
}) => {
  const api = new FakeAuthApi();
  await api.install(page);
  await signIn(page, api);
  expect(api.callsTo("POST /api/auth/refresh")).toHaveLength(0);

  // The server revokes access-1: the next calls are refused with 401 TOKEN_REVOKED.
  api.on("GET /api/auth/account", (call) =>
    call.token === "access-1" ? problem(401, "TOKEN_REVOKED", "The token was revoked.") : undefined,
  );
  api.on("GET /api/auth/sessions", (call) =>
    call.token === "access-1" ? problem(401, "TOKEN_REVOKED", "The token was revoked.") : undefined,
  );

  // Coming back to the account page loads the account and the sessions at the same time.
  await page.getByRole("link", { name: "Depot" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page
    .getByRole("navigation", { name: "Account" })
    .getByRole("link", { name: "ada" })
    .click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("list", { name: "Signed-in sessions" })).toContainText(
    "Chrome on Linux",
  );

  // Both calls were refused, one refresh served both, and both were repeated once. The first
  // call is from the visit right after signing in (whose list shows until the new one is there).
  await expect
    .poll(() => api.callsTo("GET /api/auth/sessions").map((c) => c.token))
    .toEqual(["access-1", "access-1", "access-2"]);
  const refreshes = api.callsTo("POST /api/auth/refresh");
  expect(refreshes).toHaveLength(1);
  expect(refreshes[0].cookies.depot_refresh).toBe("refresh-1");
  const accountCalls = api.callsTo("GET /api/auth/account").map((c) => c.token);
  expect(accountCalls.slice(-2)).toEqual(["access-1", "access-2"]);
  expect(await refreshCookie(page)).toBe("refresh-2");
  await expect(page).toHaveURL(/\/account$/);
});

test("goes to the sign-in page when the refresh token is refused", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);
  await signIn(page, api);

  // The session ended on the server: every token of it is refused.
  api.accessTokens.clear();
  api.refreshTokens.clear();
  await page.getByRole("link", { name: "Depot" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page
    .getByRole("navigation", { name: "Account" })
    .getByRole("link", { name: "ada" })
    .click();

  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Sign in");
  expect(await refreshCookie(page)).toBeNull();
  expect(api.callsTo("POST /api/auth/refresh")).toHaveLength(1);
});

test("restores the session of an earlier visit from the kept refresh token", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);

  await openSignedIn(page, api, "/account");

  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  expect(api.callsTo("POST /api/auth/refresh")[0].cookies.depot_refresh).toBe("refresh-seed-1");
  expect(await refreshCookie(page)).toBe("refresh-2");
});

test("keeps the refresh token out of reach of the page's scripts", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);
  await signIn(page, api);

  const login = api.callsTo("POST /api/auth/login")[0];
  expect(login.sessionCookie).toBe(true);
  const [cookie] = (await page.context().cookies(`${API_ORIGIN}/api/auth/refresh`)).filter(
    (c) => c.name === FakeAuthApi.COOKIE,
  );
  expect(cookie).toMatchObject({ value: "refresh-1", httpOnly: true, secure: true });
  expect(cookie.sameSite).toBe("Strict");
  const visible = await page.evaluate(() =>
    JSON.stringify([document.cookie, { ...localStorage }, { ...sessionStorage }]),
  );
  expect(visible).not.toContain("refresh-");
  expect(visible).not.toContain("access-");

  // A reload keeps the session: the cookie is exchanged for new tokens.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  const [refresh] = api.callsTo("POST /api/auth/refresh");
  expect(refresh).toMatchObject({ body: null, sessionCookie: true, status: 200 });
  expect(refresh.cookies.depot_refresh).toBe("refresh-1");
  expect(await refreshCookie(page)).toBe("refresh-2");
});

test("renews the access token before it expires", async ({ page }) => {
  const api = new FakeAuthApi();
  api.expiresIn = 2;
  await api.install(page);
  await signIn(page, api);

  await expect.poll(() => api.callsTo("POST /api/auth/refresh").length).toBeGreaterThanOrEqual(1);
  expect(api.callsTo("POST /api/auth/refresh")[0].cookies.depot_refresh).toBe("refresh-1");
  await expect.poll(() => refreshCookie(page)).not.toBe("refresh-1");

  // Later calls carry a renewed token, and none was ever refused.
  await page
    .getByRole("listitem")
    .filter({ hasText: "Safari on iOS" })
    .getByRole("button", { name: "Revoke" })
    .click();
  await expect(page.getByRole("listitem").filter({ hasText: "Safari on iOS" })).toHaveCount(0);
  const revoke = api.callsTo("DELETE /api/auth/sessions/s-phone")[0];
  expect(revoke.token).not.toBe("access-1");
  expect(api.calls.filter((c) => c.status === 401)).toEqual([]);
});

test("signs out: ends the session on the server and forgets the tokens", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);
  await signIn(page, api);

  await page
    .getByRole("navigation", { name: "Account" })
    .getByRole("button", { name: "Sign out" })
    .click();

  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Sign in");
  const logout = api.callsTo("POST /api/auth/logout")[0];
  expect(logout.token).toBe("access-1");
  expect(logout.sessionCookie).toBe(true);
  expect(logout.cookies.depot_refresh).toBe("refresh-1");
  // The answer cleared the cookie.
  expect(await refreshCookie(page)).toBeNull();

  // Nothing is left to come back with.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
  expect(api.callsTo("POST /api/auth/refresh")).toHaveLength(0);
});

test("signs out in every tab when one tab signs out", async ({ page, context }) => {
  const api = new FakeAuthApi();
  await api.install(page);
  await signIn(page, api);

  const other = await context.newPage();
  await api.install(other);
  await other.goto("/account");
  await expect(other.getByRole("heading", { name: "Profile" })).toBeVisible();

  await page
    .getByRole("navigation", { name: "Account" })
    .getByRole("button", { name: "Sign out" })
    .click();
  await expect(page).toHaveURL(/\/login$/);

  await expect(other).toHaveURL(/\/login\?next=%2Faccount$/);
});
