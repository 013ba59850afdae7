import { expect, test } from "@playwright/test";
import { mainAlert, signedInFlag, signIn } from "./auth-helpers";
import { problem } from "./fake-api";
import { FakeAuthApi } from "./fake-auth-api";

test("lists the sessions, marks this device and revokes another one", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);
  await signIn(page, api);

  const list = page.getByRole("list", { name: "Signed-in sessions" });
  const items = list.getByRole("listitem");
  await expect(items).toHaveCount(2);
  const mine = items.filter({ hasText: "Chrome on Linux" });
  const phone = items.filter({ hasText: "Safari on iOS" });
  await expect(mine).toContainText("This device");
  await expect(mine.getByRole("button")).toHaveCount(0);
  await expect(phone).toContainText("203.0.113.7");
  await expect(phone).not.toContainText("This device");

  const revoke = phone.getByRole("button", { name: "Revoke" });
  await expect(revoke).toHaveAccessibleDescription(/Safari on iOS/);
  await revoke.click();

  await expect(items).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: "Revoked" })).toHaveText(
    "Revoked the session of Safari on iOS.",
  );
  const deletes = api.callsTo("DELETE /api/auth/sessions/s-phone");
  expect(deletes).toHaveLength(1);
  expect(deletes[0].token).toBe("access-1");
  await page.screenshot({ path: "test-results/sessions.png", fullPage: true });
});

test("signs out everywhere", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);
  await signIn(page, api);

  await page.getByRole("button", { name: "Sign out everywhere" }).click();

  await expect(page).toHaveURL(/\/login$/);
  expect(api.callsTo("POST /api/auth/logout-all")).toHaveLength(1);
  // The cookie's token died with every session; this browser no longer counts as signed in.
  expect(await signedInFlag(page)).toBeNull();
});

test("changes the email address: the new one waits for its link", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);
  api.on("PATCH /api/auth/account", (call) => {
    api.account = { ...api.account, pendingEmail: String(call.body?.email) };
    return { status: 200, json: api.account };
  });
  await signIn(page, api);

  const form = page.getByRole("form", { name: "Change username or email address" });
  await form.getByLabel("Email address").fill("ada@new.example");
  await form.getByRole("button", { name: "Save" }).click();

  await expect(page.getByTestId("pending-email")).toContainText(
    "You asked to change your email address to ada@new.example.",
  );
  await expect(page.getByTestId("pending-email")).toContainText("ada@example.test stays in use");
  await expect(page.getByRole("button", { name: "Resend verification email" })).toBeVisible();
  expect(api.callsTo("PATCH /api/auth/account")[0].body).toEqual({ email: "ada@new.example" });
});

test("a taken username is marked on its field", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);
  api.on("PATCH /api/auth/account", () =>
    problem(409, "USERNAME_TAKEN", "This username is taken."),
  );
  await signIn(page, api);

  const form = page.getByRole("form", { name: "Change username or email address" });
  await form.getByLabel("Username").fill("grace");
  await form.getByRole("button", { name: "Save" }).click();

  await expect(mainAlert(page)).toContainText("This username is taken.");
  await expect(form.getByLabel("Username")).toHaveAttribute("aria-invalid", "true");
});

test("changes the password, and says when the current one is wrong", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);
  api.on("POST /api/auth/account/password", (call) =>
    call.body?.currentPassword === api.password
      ? { status: 204 }
      : problem(403, "WRONG_PASSWORD", "The current password is wrong."),
  );
  await signIn(page, api);

  const form = page.getByRole("form", { name: "Password" });
  await form.getByLabel("Current password").fill("not-it-at-all");
  await form.getByLabel("New password", { exact: true }).fill("Another-Good-Passphrase");
  await form.getByLabel("Repeat the new password").fill("Another-Good-Passphrase");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(mainAlert(page)).toContainText("The current password is wrong.");
  await expect(form.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Current password").fill(api.password);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "password was changed" })).toHaveText(
    "Your password was changed. Every other session was signed out.",
  );
  await expect(form.getByLabel("Current password")).toHaveValue("");
  // The sessions list is loaded again.
  await expect.poll(() => api.callsTo("GET /api/auth/sessions").length).toBe(2);
});

test("deletes the account after the password is confirmed in a dialog", async ({ page }) => {
  const api = new FakeAuthApi();
  await api.install(page);
  api.on("DELETE /api/auth/account", (call) =>
    call.body?.password === api.password
      ? { status: 204 }
      : problem(403, "WRONG_PASSWORD", "The password is wrong."),
  );
  await signIn(page, api);

  await page.getByRole("button", { name: "Delete account…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete your account?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Your password")).toBeFocused();

  // Escape closes the dialog without deleting anything.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Delete account…" }).click();

  await dialog.getByLabel("Your password").fill("wrong-password-here");
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(dialog.getByRole("alert")).toContainText("The password is wrong.");

  await dialog.getByLabel("Your password").fill(api.password);
  await dialog.getByRole("button", { name: "Delete my account" }).click();

  await expect(page).toHaveURL(/\/\?account=deleted$/);
  await expect(page.getByRole("status").filter({ hasText: "account was deleted" })).toContainText(
    "Your files and folders were moved to the trash",
  );
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Sign in");
  expect(await signedInFlag(page)).toBeNull();
  expect(api.callsTo("DELETE /api/auth/account").map((c) => c.body)).toEqual([
    { password: "wrong-password-here" },
    { password: api.password },
  ]);
});
