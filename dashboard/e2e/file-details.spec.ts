import { expect, test } from "@playwright/test";
import { DOWNLOAD_ORIGIN } from "./fake-files-api";
import { fakeApis, names, open, said, serveDownloads, table } from "./files-helpers";

test("shows a file's details and versions, restores an older version and deletes one", async ({
  page,
}) => {
  const { auth, files } = await fakeApis(page);
  const documents = files.addFolder("Documents");
  const report = files.addFile("report.pdf", {
    parentId: documents.id,
    mimeType: "application/pdf",
    sizes: [1000, 2048, 3_145_728],
  });

  await open(page, auth, `/files/folder/${documents.id}`);
  await table(page).getByRole("link", { name: "report.pdf" }).click();

  await expect(page).toHaveURL(new RegExp(`/files/file/${report.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("report.pdf");
  await expect(page).toHaveTitle("report.pdf · Depot");
  await expect(
    page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("listitem"),
  ).toHaveText(["My files", "Documents", "report.pdf"]);
  const details = page.getByRole("region", { name: "Details" });
  await expect(details).toContainText("Size3 MB (3,145,728 bytes)");
  await expect(details).toContainText("TypeDocument (application/pdf)");

  const versions = page.getByRole("list", { name: "Versions" });
  const rows = versions.getByRole("listitem");
  const titles = rows.locator("p:first-child");
  await expect(titles).toHaveText(["Version 3Current", "Version 2", "Version 1"]);
  await expect(rows.nth(1)).toContainText("2 KB");
  // The current version can be neither restored nor deleted.
  await expect(rows.nth(0).getByRole("button")).toHaveText(["Download"]);
  await page.screenshot({ path: "test-results/file-details.png", fullPage: true });

  await versions.getByRole("button", { name: "Restore version 1" }).click();
  await expect(said(page, "restored")).toHaveText(
    "Version 1 was restored: it is now the current version, number 4.",
  );
  await expect(titles).toHaveText(["Version 4Current", "Version 3", "Version 2", "Version 1"]);
  await expect(rows.nth(0)).toContainText("1,000 bytes");
  await expect(details).toContainText("Size1,000 bytes");
  expect(files.callsTo(`POST /api/files/${report.id}/versions/version-3/restore`)).toHaveLength(1);

  await versions.getByRole("button", { name: "Delete version 2" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete version 2?" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Delete version" }).click();
  await expect(confirm).toBeHidden();
  await expect(said(page, "deleted")).toHaveText("Version 2 was deleted.");
  await expect(titles).toHaveText(["Version 4Current", "Version 3", "Version 1"]);
  expect(files.callsTo(`DELETE /api/files/${report.id}/versions/version-4`)).toHaveLength(1);
  // The storage panel follows: older versions now hold 3 MB and 1,000 bytes.
  await expect(page.getByRole("region", { name: "Storage" })).toContainText("Older versions3 MB");
});

test("downloads through the signed URL the API gives", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  const song = files.addFile("song.mp3", { mimeType: "audio/mpeg", sizes: [4096, 5120] });
  const fetched = await serveDownloads(page, "song.mp3", "audio/mpeg");

  await open(page, auth, `/files/file/${song.id}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download", exact: true }).click(),
  ]);

  expect(download.suggestedFilename()).toBe("song.mp3");
  const calls = files.callsTo(`GET /api/files/${song.id}/download-url`);
  expect(calls).toHaveLength(1);
  expect(calls[0].query).toEqual({ inline: "false" });
  expect(fetched).toEqual([
    `${DOWNLOAD_ORIGIN}/d/${song.id}?version=${song.versionId}&inline=false`,
  ]);
  // The page stays, ready for more.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("song.mp3");

  // An older version downloads by its id.
  const [older] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download version 1" }).click(),
  ]);
  expect(older.suggestedFilename()).toBe("song.mp3");
  expect(files.callsTo(`GET /api/files/${song.id}/download-url`)[1].query).toEqual({
    inline: "false",
    versionId: "version-2",
  });
});

test("copies a file and deletes it to the trash, with a way back", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  const music = files.addFolder("Music");
  const song = files.addFile("song.mp3", { mimeType: "audio/mpeg", sizes: [4096] });

  await open(page, auth, `/files/file/${song.id}`);
  await page.getByRole("button", { name: "Copy…" }).click();
  const dialog = page.getByRole("dialog", { name: "Copy “song.mp3”" });
  // Copying into the same folder is allowed: the copy gets another name.
  await expect(dialog.getByRole("button", { name: "Copy to “My files”" })).toBeEnabled();
  await dialog.getByRole("button", { name: "Music" }).click();
  await dialog.getByRole("button", { name: "Copy to “Music”" }).click();
  await expect(dialog).toBeHidden();
  await expect(said(page, "Copied")).toHaveText("Copied “song.mp3” to Music. Open the copy");
  expect(files.callsTo(`POST /api/files/${song.id}/copy`)[0].body).toEqual({ parentId: music.id });

  await page.getByRole("button", { name: "Move to trash" }).click();
  const gone = page.getByRole("status").filter({ hasText: "was moved to the trash" });
  await expect(gone).toBeVisible();
  await expect(page.getByRole("button", { name: "Download", exact: true })).toHaveCount(0);
  await gone.getByRole("button", { name: "Undo" }).click();
  await expect(said(page, "is back")).toHaveText("“song.mp3” is back in its folder.");
  await expect(page.getByRole("button", { name: "Download", exact: true })).toBeVisible();
  expect(files.callsTo(`DELETE /api/files/${song.id}`)).toHaveLength(1);
  expect(files.callsTo(`POST /api/trash/${song.id}/restore`)).toHaveLength(1);

  await page
    .getByRole("navigation", { name: "Breadcrumb" })
    .getByRole("link", { name: "My files" })
    .click();
  await table(page).getByRole("link", { name: "Music" }).click();
  await expect(names(page)).toHaveText(["song.mp3"]);
});
