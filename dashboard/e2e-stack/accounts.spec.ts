import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { waitForMail } from "./mail";

// A fresh account per run, so the test can run again against the same stack.
const stamp = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
const email = `e2e-${stamp}@example.test`;
const username = `e2e_${stamp}`;
const firstPassword = `Lantern-${randomBytes(6).toString("hex")}-Meadow`;
const secondPassword = `Copper-${randomBytes(6).toString("hex")}-Harbour`;

function accountNav(page: Page) {
  return page.getByRole("navigation", { name: "Account" });
}

async function signIn(page: Page, login: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email address or username").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page) {
  await accountNav(page).getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(accountNav(page)).toContainText("Sign in");
}

test("sign up, verify the address from the email, sign in again and change the password", async ({
  page,
}) => {
  await test.step("sign up", async () => {
    await page.goto("/signup");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill(firstPassword);
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page).toHaveURL(/\/account$/);
    await expect(accountNav(page)).toContainText(`Signed in as ${username}`);
    await expect(page.getByTestId("unverified-email")).toContainText(email);
    await expect(page.getByText("Not verified")).toBeVisible();
  });

  await test.step("follow the link in the verification email", async () => {
    const [link] = await waitForMail(
      email,
      /https?:\/\/[^\s"'<>]+\/verify-email\?token=[^\s"'<>&]+/,
    );
    // The link names the dashboard the stack was configured with; open it on the one under test.
    const { pathname, search } = new URL(link);
    await page.goto(pathname + search);

    await expect(page.getByRole("main")).toContainText(`Your email address ${email} is verified.`);
    await page.getByRole("link", { name: "Go to your account" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText("Verified", { exact: true })).toBeVisible();
    await expect(page.getByTestId("unverified-email")).toHaveCount(0);
    await page.screenshot({ path: "test-results/stack/verified.png", fullPage: true });
  });

  await test.step("sign out and sign in again with the username", async () => {
    await signOut(page);
    await signIn(page, username, firstPassword);
    await expect(page).toHaveURL(/\/account$/);
    await expect(
      page
        .getByRole("list", { name: "Signed-in sessions" })
        .getByRole("listitem")
        .filter({ hasText: "This device" }),
    ).toHaveCount(1);
  });

  await test.step("change the password", async () => {
    const form = page.getByRole("form", { name: "Password" });
    await form.getByLabel("Current password").fill(firstPassword);
    await form.getByLabel("New password", { exact: true }).fill(secondPassword);
    await form.getByLabel("Repeat the new password").fill(secondPassword);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "password was changed" }),
    ).toBeVisible();
    // This session stays signed in.
    await page.reload();
    await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  });

  await test.step("only the new password signs in", async () => {
    await signOut(page);
    await signIn(page, email, firstPassword);
    await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);

    await page.getByLabel("Password", { exact: true }).fill(secondPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(accountNav(page)).toContainText(`Signed in as ${username}`);
  });
});
