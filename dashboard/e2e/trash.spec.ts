import { expect, test } from "@playwright/test";
import { chooseAction, fakeApis, names, open, row, said } from "./files-helpers";

test("moves a folder to the trash, undoes it, and restores it from the trash page", async ({
  page,
}) => {
  const { auth, files } = await fakeApis(page);
  const photos = files.addFolder("Photos");
  files.addFile("beach.jpg", { parentId: photos.id, mimeType: "image/jpeg", sizes: [2048] });
  files.addFolder("Music");

  await open(page, auth, "/files");
  await chooseAction(page, "Photos", "Move to trash");
  await expect(names(page)).toHaveText(["Music"]);
  const moved = said(page, "to the trash");
  await expect(moved).toHaveText("Moved “Photos” to the trash. Undo Open the trash");

  await moved.getByRole("button", { name: "Undo" }).click();
  await expect(said(page, "Restored")).toHaveText("Restored “Photos”.");
  await expect(names(page)).toHaveText(["Music", "Photos"]);

  await chooseAction(page, "Photos", "Move to trash");
  await said(page, "to the trash").getByRole("link", { name: "Open the trash" }).click();
  await expect(page).toHaveURL(/\/files\/trash$/);
  await expect(page.getByRole("heading", { level: 1, name: "Trash" })).toBeVisible();
  const photosRow = row(page, "Photos", "Deleted items");
  await expect(photosRow).toContainText("Folder");
  await expect(photosRow.locator("time")).toHaveAttribute("datetime", /^2026-11-20T/);
  // What was inside goes and comes back with the folder: only the folder is listed.
  await expect(names(page, "Deleted items")).toHaveText(["Photos"]);
  await page.screenshot({ path: "test-results/trash.png", fullPage: true });

  await photosRow.getByRole("button", { name: "Restore Photos" }).click();
  await expect(said(page, "Restored")).toHaveText("Restored “Photos”. Open “Photos”");
  await expect(page.getByText("The trash is empty.")).toBeVisible();

  await said(page, "Restored").getByRole("link", { name: "Open “Photos”" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Photos" })).toBeVisible();
  await expect(names(page)).toHaveText(["beach.jpg"]);
  expect(files.callsTo(`DELETE /api/folders/${photos.id}`)).toHaveLength(2);
  expect(files.callsTo(`POST /api/trash/${photos.id}/restore`)).toHaveLength(2);
});

test("a restored item whose name was taken meanwhile comes back renamed", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  const old = files.addFile("plan.md", { mimeType: "text/markdown" });
  files.trashElsewhere(old);
  files.addFile("plan.md", { mimeType: "text/markdown" });

  await open(page, auth, "/files/trash");
  await row(page, "plan.md", "Deleted items")
    .getByRole("button", { name: "Restore plan.md" })
    .click();

  await expect(said(page, "Restored")).toHaveText(
    "Restored “plan.md” as “plan (1).md”, as the name was taken. Open “plan (1).md”",
  );
  await page
    .getByRole("navigation", { name: "Files" })
    .getByRole("link", { name: "My files" })
    .click();
  await expect(names(page)).toHaveText(["plan (1).md", "plan.md"]);
});

test("deletes one item forever and empties the trash, each after confirming", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  for (const [name, size] of [
    ["a.bin", 1024 ** 2],
    ["b.bin", 2 * 1024 ** 2],
    ["c.bin", 4 * 1024 ** 2],
  ] as const) {
    files.trashElsewhere(files.addFile(name, { sizes: [size] }));
  }
  files.addFile("kept.bin", { sizes: [1024] });

  await open(page, auth, "/files/trash");
  const storage = page.getByRole("region", { name: "Storage" });
  await expect(storage).toContainText("Trash7 MB");
  // Newest first.
  await expect(names(page, "Deleted items")).toHaveText(["c.bin", "b.bin", "a.bin"]);

  await row(page, "b.bin", "Deleted items")
    .getByRole("button", { name: "Delete b.bin forever" })
    .click();
  const confirm = page.getByRole("dialog", { name: "Delete “b.bin” forever?" });
  await expect(confirm).toHaveAccessibleDescription(
    "The file and all its versions are removed for good. This cannot be undone.",
  );
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  expect(files.callsTo("DELETE /api/trash/file-3")).toHaveLength(0);

  await row(page, "b.bin", "Deleted items")
    .getByRole("button", { name: "Delete b.bin forever" })
    .click();
  await confirm.getByRole("button", { name: "Delete forever" }).click();
  await expect(confirm).toBeHidden();
  await expect(said(page, "forever")).toHaveText("Deleted “b.bin” forever.");
  await expect(names(page, "Deleted items")).toHaveText(["c.bin", "a.bin"]);
  await expect(storage).toContainText("Trash5 MB");

  await page.getByRole("button", { name: "Empty trash…" }).click();
  const empty = page.getByRole("dialog", { name: "Empty the trash?" });
  await empty.getByRole("button", { name: "Empty trash" }).click();
  await expect(empty).toBeHidden();
  await expect(said(page, "Emptied")).toHaveText(
    "Emptied the trash: 2 items were deleted for good.",
  );
  await expect(page.getByText("The trash is empty.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Empty trash…" })).toBeDisabled();
  await expect(storage).toContainText("Trash0 bytes");
  await expect(storage).toContainText("Files1 KB");
  expect(files.callsTo("DELETE /api/trash")).toHaveLength(1);
});
