import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";

export interface Account {
  stamp: string;
  email: string;
  username: string;
  password: string;
}

/** A fresh account per run: its root folder starts empty, and the test can run again. */
export function newAccount(prefix: string): Account {
  const stamp = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  return {
    stamp,
    email: `e2e-${prefix}-${stamp}@example.test`,
    username: `e2e_${prefix[0]}_${stamp}`,
    password: `Lantern-${randomBytes(6).toString("hex")}-Meadow`,
  };
}

/** Fills in and sends the sign-up form that is open, and waits until the account is signed in. */
export async function createAccount(page: Page, account: Account): Promise<void> {
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel("Username").fill(account.username);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText(
    `Signed in as ${account.username}`,
  );
}

/** Signs the account up in the dashboard, then opens its (empty) root folder. */
export async function signUpAndOpenFiles(page: Page, account: Account): Promise<void> {
  await test.step("sign up", async () => {
    await page.goto("/signup");
    await createAccount(page, account);
  });

  await test.step("open the files: a new account's root folder is empty", async () => {
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Files" })
      .click();
    await expect(page).toHaveURL(/\/files$/);
    await expect(page.getByRole("heading", { level: 1, name: "My files" })).toBeVisible();
    await expect(page.getByText("This folder is empty.")).toBeVisible();
  });
}
