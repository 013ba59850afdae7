import { expect, test } from "@playwright/test";
import { mainAlert, refreshCookie } from "./auth-helpers";
import { problem } from "./fake-api";
import { FakeAuthApi } from "./fake-auth-api";

test("signs in and goes to the account page", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);

  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Account" })
    .getByRole("link", { name: "Sign in" })
    .click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("link", { name: "Forgot your password?" })).toHaveAttribute(
    "href",
    "/forgot-password",
  );
  await expect(page.getByRole("link", { name: "Create an account" })).toHaveAttribute(
    "href",
    "/signup",
  );

  await page.getByLabel("Email address or username").fill("ada@example.test");
  await page.getByLabel("Password", { exact: true }).fill(api.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Signed in as ada");
  await expect(page.getByText("ada@example.test")).toBeVisible();
  await expect(page.getByText("Verified", { exact: true })).toBeVisible();
  expect(api.callsTo("POST /api/auth/login")[0].body).toEqual({
    login: "ada@example.test",
    password: api.password,
  });
  expect(api.callsTo("GET /api/auth/account")[0].token).toBe("access-1");
  expect(await refreshCookie(page)).toBe("refresh-1");
  // The access token stays in memory.
  const stored = await page.evaluate(() => JSON.stringify({ ...window.localStorage }));
  expect(stored).not.toContain("access-1");

  await page.screenshot({ path: "test-results/account.png", fullPage: true });
});

test("goes to the local path in `next` after signing in, and ignores other sites", async ({
  page,
}) => {
  const api = new FakeAuthApi();
  await api.install(page);

  await page.goto("/login?next=%2F%3Fwelcome%3D1");
  await page.getByLabel("Email address or username").fill("ada");
  await page.getByLabel("Password", { exact: true }).fill(api.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/\?welcome=1$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  await page.goto("/login?next=%2F%2Fevil.example%2Fphish");
  await page.getByLabel("Email address or username").fill("ada");
  await page.getByLabel("Password", { exact: true }).fill(api.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/localhost:\d+\/account$/);
});

test("says the credentials are wrong", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);

  await page.goto("/login");
  await page.getByLabel("Email address or username").fill("ada");
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();

  const alert = mainAlert(page);
  await expect(alert).toContainText("The login or the password is wrong.");
  await expect(alert).toBeFocused();
  await expect(page).toHaveURL(/\/login$/);
  expect(await refreshCookie(page)).toBeNull();
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Sign in");

  await page.screenshot({ path: "test-results/login-invalid.png", fullPage: true });
});

test("says how long to wait after too many attempts", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);
  api.on("POST /api/auth/login", () => ({
    ...problem(429, "TOO_MANY_ATTEMPTS", "Too many failed sign-ins. Wait before trying again.", {
      retryAfter: 540,
    }),
    headers: { "retry-after": "540" },
  }));

  await page.goto("/login");
  await page.getByLabel("Email address or username").fill("ada");
  await page.getByLabel("Password", { exact: true }).fill("guess-number-six");
  await page.getByRole("button", { name: "Sign in" }).click();

  const alert = mainAlert(page);
  await expect(alert).toContainText("Too many failed sign-ins. Wait before trying again.");
  await expect(alert).toContainText("Try again in 9 minutes.");
});

test("reads the wait from the Retry-After header when the body has none", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);
  api.on("POST /api/auth/login", () => ({
    ...problem(429, "TOO_MANY_ATTEMPTS", "Too many failed sign-ins."),
    headers: { "retry-after": "45", "access-control-expose-headers": "Retry-After" },
  }));

  await page.goto("/login");
  await page.getByLabel("Email address or username").fill("ada");
  await page.getByLabel("Password", { exact: true }).fill("guess-number-six");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(mainAlert(page)).toContainText("Try again in 45 seconds.");
});

test("an account page asks to sign in first, then comes back", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);

  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
  expect(api.calls).toHaveLength(0);

  await page.getByLabel("Email address or username").fill("ada");
  await page.getByLabel("Password", { exact: true }).fill(api.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("keyboard only: tab through the form and submit with Enter", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);

  await page.goto("/login");
  await page.getByLabel("Email address or username").focus();
  await page.keyboard.type("ada");
  await page.keyboard.press("Tab");
  const password = page.getByLabel("Password", { exact: true });
  await expect(password).toBeFocused();
  // Keyboard focus is visible.
  expect(await password.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
  await page.keyboard.type(api.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account$/);
});
