import { expect, test, type Page } from "@playwright/test";
import { newAccount, signUpAndOpenFiles } from "./account";

const account = newAccount("files");

const firstName = "Holiday plans";
const secondName = "Holidays 2026";

function listing(page: Page) {
  return page.getByRole("main").getByRole("table");
}

function folderLink(page: Page, name: string) {
  return listing(page).getByRole("link", { name, exact: true });
}

async function chooseAction(page: Page, name: string, action: string) {
  await page.getByRole("button", { name: `Actions for ${name}`, exact: true }).click();
  await page
    .getByRole("group", { name: `Actions for ${name}`, exact: true })
    .getByRole("button", { name: action, exact: true })
    .click();
}

test("create, rename, open, delete and restore a folder", async ({ page }) => {
  await signUpAndOpenFiles(page, account);
  await expect(
    page.getByRole("region", { name: "Storage" }).getByRole("meter", { name: "Storage used" }),
  ).toHaveAttribute("aria-valuenow", "0");

  await test.step("create a folder", async () => {
    await page.getByRole("button", { name: "New folder" }).click();
    const dialog = page.getByRole("dialog", { name: "New folder" });
    await dialog.getByLabel("Folder name").fill(firstName);
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(dialog).toBeHidden();
    await expect(folderLink(page, firstName)).toBeVisible();
    await expect(
      page.getByRole("main").getByRole("status").filter({ hasText: "Created the folder" }),
    ).toHaveText(`Created the folder ${firstName}.`);
  });

  await test.step("rename it", async () => {
    await chooseAction(page, firstName, "Rename…");
    const dialog = page.getByRole("dialog", { name: "Rename folder" });
    await expect(dialog.getByLabel("New name")).toHaveValue(firstName);
    await dialog.getByLabel("New name").fill(secondName);
    await dialog.getByRole("button", { name: "Rename" }).click();
    await expect(dialog).toBeHidden();
    await expect(folderLink(page, secondName)).toBeVisible();
    await expect(folderLink(page, firstName)).toHaveCount(0);
  });

  await test.step("open it, and go back", async () => {
    await folderLink(page, secondName).click();
    await expect(page).toHaveURL(/\/files\/folder\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: secondName })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("listitem"),
    ).toHaveText(["My files", secondName]);
    await expect(page.getByText("This folder is empty.")).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(/\/files$/);
    await expect(page.getByRole("heading", { level: 1, name: "My files" })).toBeVisible();
    await expect(folderLink(page, secondName)).toBeVisible();
  });

  await test.step("delete it to the trash", async () => {
    await chooseAction(page, secondName, "Move to trash");
    const moved = page.getByRole("main").getByRole("status").filter({ hasText: "to the trash" });
    await expect(moved).toContainText(`Moved “${secondName}” to the trash.`);
    await expect(page.getByText("This folder is empty.")).toBeVisible();

    await moved.getByRole("link", { name: "Open the trash" }).click();
    await expect(page).toHaveURL(/\/files\/trash$/);
    const deleted = page
      .getByRole("table", { name: "Deleted items" })
      .getByRole("row")
      .filter({ hasText: secondName });
    await expect(deleted).toContainText("Folder");
    await page.screenshot({ path: "test-results/stack/trash.png", fullPage: true });
  });

  await test.step("restore it from the trash", async () => {
    await page.getByRole("button", { name: `Restore ${secondName}`, exact: true }).click();
    await expect(
      page.getByRole("main").getByRole("status").filter({ hasText: "Restored" }),
    ).toContainText(`Restored “${secondName}”.`);
    await expect(page.getByText("The trash is empty.")).toBeVisible();

    await page
      .getByRole("navigation", { name: "Files" })
      .getByRole("link", { name: "My files" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "My files" })).toBeVisible();
    await expect(folderLink(page, secondName)).toBeVisible();
    await page.screenshot({ path: "test-results/stack/files.png", fullPage: true });
  });
});
