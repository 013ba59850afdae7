import { expect, test } from "@playwright/test";
import { mainAlert, refreshCookie } from "./auth-helpers";
import { problem } from "./fake-api";
import { FakeAuthApi } from "./fake-auth-api";

test("shows every field error of a VALIDATION_FAILED answer next to its field", async ({
  page,
}) => {
  const api = new FakeAuthApi();
  await api.install(page);
  api.on("POST /api/auth/signup", () =>
    problem(400, "VALIDATION_FAILED", "Some fields are not valid.", {
      errors: [
        { field: "email", message: "must be a well-formed email address" },
        { field: "username", message: "must be 3 to 32 characters" },
        { field: "password", message: "must be at least 10 characters" },
      ],
    }),
  );

  await page.goto("/signup");
  await expect(page).toHaveTitle("Create account · Depot");
  await page.getByLabel("Email address").fill("ada@");
  await page.getByLabel("Username").fill("a!");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();

  const alert = mainAlert(page);
  await expect(alert).toContainText("Some fields are not valid.");
  await expect(alert).toBeFocused();
  await expect(alert.getByRole("listitem")).toHaveText([
    "Email address: must be a well-formed email address",
    "Username: must be 3 to 32 characters",
    "Password: must be at least 10 characters",
  ]);
  await expect(alert).toContainText("0af7651916cd43dd8448eb211c80319c");

  const email = page.getByLabel("Email address");
  const username = page.getByLabel("Username");
  const password = page.getByLabel("Password");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription("must be a well-formed email address");
  await expect(username).toHaveAttribute("aria-invalid", "true");
  await expect(username).toHaveAccessibleDescription(/^must be 3 to 32 characters/);
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/^must be at least 10 characters/);

  // The summary links lead to their fields.
  await alert.getByRole("link", { name: /^Username:/ }).click();
  await expect(username).toBeFocused();

  expect(api.callsTo("POST /api/auth/signup")[0].body).toEqual({
    email: "ada@",
    username: "a!",
    password: "short",
  });
  await page.screenshot({ path: "test-results/signup-validation.png", fullPage: true });
});

test("marks the email field when the address is taken", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);
  api.on("POST /api/auth/signup", () =>
    problem(409, "EMAIL_TAKEN", "An account with this email address exists already."),
  );

  await page.goto("/signup");
  await page.getByLabel("Email address").fill("ada@example.test");
  await page.getByLabel("Username").fill("ada");
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(mainAlert(page)).toContainText("An account with this email address exists already.");
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Username")).not.toHaveAttribute("aria-invalid", "true");
});

test("says which fields are empty without asking the API", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);

  await page.goto("/signup");
  await page.getByLabel("Username").fill("ada");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(mainAlert(page)).toContainText("Some fields are empty.");
  await expect(page.getByLabel("Email address")).toHaveAccessibleDescription(
    "Enter email address.",
  );
  await expect(page.getByLabel("Username")).not.toHaveAttribute("aria-invalid", "true");
  expect(api.callsTo("POST /api/auth/signup")).toHaveLength(0);
});

test("signs up, signs in and asks to verify the address", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);

  await page.goto("/signup");
  await page.getByLabel("Email address").fill("grace@example.test");
  await page.getByLabel("Username").fill("grace");
  await page.getByLabel("Password").fill("Tulip-Harbor-Quartz-42");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("unverified-email")).toContainText(
    "Please verify your email address: follow the link we sent to grace@example.test.",
  );
  await expect(page.getByText("Not verified")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText(
    "Signed in as grace",
  );
  expect(api.callsTo("POST /api/auth/login")[0].body).toEqual({
    login: "grace@example.test",
    password: "Tulip-Harbor-Quartz-42",
  });
  expect(await refreshCookie(page)).toBe("refresh-1");

  await page.getByRole("button", { name: "Resend verification email" }).click();
  await expect(page.getByRole("status").filter({ hasText: "We sent a new link" })).toHaveText(
    "We sent a new link to grace@example.test.",
  );
  expect(api.callsTo("POST /api/auth/verify-email/resend")[0].token).toBe("access-1");
});
