import { expect, test } from "@playwright/test";
import { mainAlert } from "./auth-helpers";
import { problem } from "./fake-api";
import { FakeAuthApi } from "./fake-auth-api";

test("follows a verification link", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);
  api.on("POST /api/auth/verify-email", () => ({
    status: 200,
    json: { ...api.account, emailVerified: true },
  }));

  await page.goto("/verify-email?token=abc123");

  await expect(page.getByRole("main")).toContainText(
    "Your email address ada@example.test is verified.",
  );
  await expect(page.getByRole("link", { name: "Sign in" }).last()).toBeVisible();
  expect(api.callsTo("POST /api/auth/verify-email").map((c) => c.body)).toEqual([
    { token: "abc123" },
  ]);
});

test("says when a verification link is used or expired", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);
  api.on("POST /api/auth/verify-email", () =>
    problem(400, "TOKEN_INVALID", "The link is invalid, used already or expired."),
  );

  await page.goto("/verify-email?token=old");

  await expect(mainAlert(page)).toContainText("The link is invalid, used already or expired.");
  await expect(page.getByRole("main")).toContainText("to ask for a new link");
});

test("asks for a reset link and gets the same answer for any address", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);
  api.on("POST /api/auth/password/forgot", () => ({ status: 202 }));

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email address", { exact: true }).fill("nobody@example.test");
  await page.getByRole("button", { name: "Send the link" }).click();

  await expect(page.getByRole("status").filter({ hasText: "we sent" })).toContainText(
    "If an account uses nobody@example.test, we sent it a link to choose a new password.",
  );
  expect(api.callsTo("POST /api/auth/password/forgot")[0].body).toEqual({
    email: "nobody@example.test",
  });
});

test("sets a new password with the link's token", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);
  api.on("POST /api/auth/password/reset", (call) =>
    call.body?.newPassword === "password123"
      ? problem(400, "WEAK_PASSWORD", "This password is too common.")
      : { status: 204 },
  );

  await page.goto("/reset-password?token=r-1");
  await page.getByLabel("New password", { exact: true }).fill("password123");
  await page.getByLabel("Repeat the new password").fill("password124");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(mainAlert(page)).toContainText("The two passwords are not the same.");
  expect(api.callsTo("POST /api/auth/password/reset")).toHaveLength(0);

  await page.getByLabel("Repeat the new password").fill("password123");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(mainAlert(page)).toContainText("This password is too common.");
  await expect(page.getByLabel("New password", { exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );

  await page.getByLabel("New password", { exact: true }).fill("Lantern-Meadow-Copper");
  await page.getByLabel("Repeat the new password").fill("Lantern-Meadow-Copper");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "password was changed" })).toContainText(
    "Your password was changed and every session was signed out.",
  );
  expect(api.callsTo("POST /api/auth/password/reset").at(-1)?.body).toEqual({
    token: "r-1",
    newPassword: "Lantern-Meadow-Copper",
  });
});
