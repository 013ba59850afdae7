import { expect, test } from "@playwright/test";
import { DOWNLOAD_ORIGIN } from "./fake-files-api";
import { chooseAction, fakeApis, open, said, serveDownloads } from "./files-helpers";

test("a folder downloads as a zip prepared in the background, with its progress shown", async ({
  page,
}) => {
  const { auth, files } = await fakeApis(page);
  const photos = files.addFolder("Photos");
  files.addFile("beach.jpg", { parentId: photos.id, mimeType: "image/jpeg", sizes: [3_000_000] });
  const trip = files.addFolder("Trip", photos.id);
  files.addFile("map.png", { parentId: trip.id, mimeType: "image/png", sizes: [1_000_000] });
  const fetched = await serveDownloads(page, "Photos.zip", "application/zip");

  await open(page, auth, "/files");
  await chooseAction(page, "Photos", "Download as zip");

  await expect(said(page, "Preparing “Photos.zip”")).toBeVisible();
  expect(files.callsTo("POST /api/archives")[0].body).toEqual({ items: [photos.id] });
  const panel = page.getByRole("region", { name: "Zip archives" });
  await expect(panel).toContainText("Photos.zip");
  await expect(panel).toContainText("Preparing: 0 of 4 items, 0 bytes of 3.8 MB");

  const archiveId = [...files.archives.keys()][0];
  files.progressArchive(archiveId, 2, 3_000_000);
  await expect(panel).toContainText("Preparing: 2 of 4 items, 2.9 MB of 3.8 MB");
  await expect(panel.getByRole("progressbar", { name: "Photos.zip: 75%" })).toBeVisible();
  await page.screenshot({ path: "test-results/archive-preparing.png", fullPage: true });

  // Ready: the download starts by itself, once.
  const downloaded = page.waitForEvent("download");
  files.finishArchive(archiveId, { size: 3_900_000 });
  expect((await downloaded).suggestedFilename()).toBe("Photos.zip");
  await expect(panel).toContainText("Ready, 3.7 MB — your download started");
  expect(fetched).toEqual([`${DOWNLOAD_ORIGIN}/a/${archiveId}`]);

  // It can be downloaded again (a fresh link), then dismissed.
  const again = page.waitForEvent("download");
  await panel.getByRole("button", { name: "Download again" }).click();
  await again;
  expect(fetched).toHaveLength(2);
  await panel.getByRole("button", { name: "Dismiss Photos.zip" }).click();
  await expect(panel).toBeHidden();
});

test("the open folder zips from its header, and a zip being prepared can be canceled", async ({
  page,
}) => {
  const { auth, files } = await fakeApis(page);
  const docs = files.addFolder("Documents");
  files.addFile("a.txt", { parentId: docs.id, sizes: [10] });

  await open(page, auth, `/files/folder/${docs.id}`);
  // The root has nothing to zip from the header; a folder does.
  await page.getByRole("button", { name: "Download as zip" }).click();
  const panel = page.getByRole("region", { name: "Zip archives" });
  await expect(panel).toContainText("Documents.zip");
  const archiveId = [...files.archives.keys()][0];

  await panel.getByRole("button", { name: "Cancel" }).click();
  await expect(panel).toBeHidden();
  expect(files.callsTo(`DELETE /api/archives/${archiveId}`)).toHaveLength(1);
  expect(files.archives.size).toBe(0);
});

test("a failed archive says why, and a refused one shows the problem", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  const music = files.addFolder("Music");
  files.addFile("song.mp3", { parentId: music.id, mimeType: "audio/mpeg", sizes: [100] });

  await open(page, auth, "/files");
  // Files download as they are; only folders offer a zip.
  await page.getByRole("button", { name: "Actions for Music", exact: true }).click();
  const menu = page.getByRole("group", { name: "Actions for Music", exact: true });
  await expect(menu.getByRole("button")).toHaveText([
    "Download as zip",
    "Rename…",
    "Move…",
    "Move to trash",
  ]);
  await menu.getByRole("button", { name: "Download as zip" }).click();
  const panel = page.getByRole("region", { name: "Zip archives" });
  await expect(panel).toContainText("Music.zip");
  files.finishArchive([...files.archives.keys()][0], {
    error: "“song.mp3” was deleted for good meanwhile.",
  });
  await expect(panel).toContainText("Failed: “song.mp3” was deleted for good meanwhile.");

  files.archives.clear();
  await page.route("**/api/archives", (route) =>
    route.fulfill({
      status: 413,
      contentType: "application/problem+json",
      body: JSON.stringify({
        type: "https://depot.dev/problems/archive-too-large",
        title: "Archive too large",
        status: 413,
        code: "ARCHIVE_TOO_LARGE",
        detail: "An archive holds at most 100,000 files and folders.",
      }),
    }),
  );
  await chooseAction(page, "Music", "Download as zip");
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "An archive holds at most 100,000 files and folders.",
  );
});
