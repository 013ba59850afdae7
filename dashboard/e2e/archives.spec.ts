import { expect, test, type Page } from "@playwright/test";
import { problem } from "./fake-api";
import type { EventStreamCall } from "./fake-events-server";
import { DOWNLOAD_ORIGIN, type FakeArchive, type FakeFilesApi } from "./fake-files-api";
import { chooseAction, fakeApis, open, said, serveDownloads, table } from "./files-helpers";

function selection(page: Page) {
  return page.getByRole("group", { name: "Selection" });
}

function checkbox(page: Page, name: string) {
  return table(page).getByRole("checkbox", { name: `Select ${name}`, exact: true });
}

function archivePanel(page: Page) {
  return page.getByRole("region", { name: "Zip archives" });
}

/** The reads of one archive (`GET /api/archives/{id}`) from the `from`-th files call on. */
function archiveReads(files: FakeFilesApi, archiveId: string, from = 0) {
  return files.calls
    .slice(from)
    .filter((c) => c.method === "GET" && c.path === `/api/archives/${archiveId}`);
}

/** The reads of one archive since `stream` opened. */
function readsSinceOpen(files: FakeFilesApi, archiveId: string, stream: EventStreamCall) {
  return archiveReads(files, archiveId, stream.filesCallsAtOpen ?? Infinity);
}

/** Asks for a zip of the folder "Photos" (4 entries, 3.8 MB); returns the archive asked for. */
async function zipPhotos(page: Page, files: FakeFilesApi): Promise<FakeArchive> {
  await chooseAction(page, "Photos", "Download as zip");
  await expect(archivePanel(page)).toContainText("Preparing: 0 of 4 items, 0 bytes of 3.8 MB");
  return [...files.archives.values()].at(-1) as FakeArchive;
}

function addPhotos(files: FakeFilesApi): void {
  const photos = files.addFolder("Photos");
  files.addFile("beach.jpg", { parentId: photos.id, mimeType: "image/jpeg", sizes: [3_000_000] });
  const trip = files.addFolder("Trip", photos.id);
  files.addFile("map.png", { parentId: trip.id, mimeType: "image/png", sizes: [1_000_000] });
}

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

test("a file and a folder selected in a listing download as one zip named after the folder", async ({
  page,
}) => {
  const { auth, files } = await fakeApis(page);
  const photos = files.addFolder("Photos");
  const trip = files.addFolder("Trip", photos.id);
  files.addFile("map.png", { parentId: trip.id, mimeType: "image/png", sizes: [1_000_000] });
  files.addFolder("Work", photos.id);
  const beach = files.addFile("beach.jpg", {
    parentId: photos.id,
    mimeType: "image/jpeg",
    sizes: [3_000_000],
  });
  files.addFile("notes.txt", { parentId: photos.id, sizes: [10] });

  await open(page, auth, `/files/folder/${photos.id}`);
  await expect(selection(page)).toBeHidden();
  await checkbox(page, "beach.jpg").check();
  // The checkboxes work from the keyboard too.
  await checkbox(page, "Trip").press("Space");
  await expect(checkbox(page, "Trip")).toBeChecked();
  await expect(selection(page)).toContainText("2 selected");
  await page.screenshot({ path: "test-results/archive-selection.png", fullPage: true });

  await selection(page).getByRole("button", { name: "Download as zip" }).click();
  await expect(said(page, "Preparing “Photos.zip”")).toBeVisible();
  // Exactly the items selected, in the order they are listed.
  expect(files.callsTo("POST /api/archives").map((call) => call.body)).toEqual([
    { items: [trip.id, beach.id], name: "Photos" },
  ]);
  const panel = page.getByRole("region", { name: "Zip archives" });
  await expect(panel).toContainText("Preparing: 0 of 3 items, 0 bytes of 3.8 MB");

  // Asked for: the selection is cleared and the focus waits on the header's checkbox.
  await expect(selection(page)).toBeHidden();
  await expect(table(page).getByRole("checkbox", { checked: true })).toHaveCount(0);
  await expect(
    table(page).getByRole("checkbox", { name: "Select all on this page" }),
  ).toBeFocused();
});

test("at the root, several items get the server's zip name and one its own", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  const music = files.addFolder("Music");
  const notes = files.addFile("notes.txt", { sizes: [10] });

  await open(page, auth, "/files");
  await checkbox(page, "Music").check();
  await checkbox(page, "notes.txt").check();
  await selection(page).getByRole("button", { name: "Download as zip" }).click();
  await expect(said(page, "Preparing “Depot archive.zip”")).toBeVisible();

  await checkbox(page, "notes.txt").check();
  await selection(page).getByRole("button", { name: "Download as zip" }).click();
  await expect(said(page, "Preparing “notes.zip”")).toBeVisible();
  expect(files.callsTo("POST /api/archives").map((call) => call.body)).toEqual([
    { items: [music.id, notes.id] },
    { items: [notes.id] },
  ]);
});

test("select all takes every row shown, and the header checkbox says how many are", async ({
  page,
}) => {
  const { auth, files } = await fakeApis(page);
  files.pageSize = 3;
  const docs = files.addFolder("Documents");
  const drafts = files.addFolder("Drafts", docs.id);
  const a = files.addFile("a.txt", { parentId: docs.id, sizes: [1] });
  const b = files.addFile("b.txt", { parentId: docs.id, sizes: [2] });
  const c = files.addFile("c.txt", { parentId: docs.id, sizes: [3] });

  await open(page, auth, `/files/folder/${docs.id}`);
  const all = table(page).getByRole("checkbox", { name: "Select all on this page" });
  const rows = table(page).getByRole("checkbox", { name: /^Select (?!all)/ });
  await expect(rows).toHaveCount(3);
  await expect(all).not.toBeChecked();
  await expect(all).not.toBeChecked({ indeterminate: true });

  await all.check();
  for (const box of await rows.all()) {
    await expect(box).toBeChecked();
  }
  await expect(selection(page)).toContainText("3 selected");

  await checkbox(page, "a.txt").uncheck();
  await expect(all).toBeChecked({ indeterminate: true });
  await expect(selection(page)).toContainText("2 selected");

  // From some to all, by the keyboard.
  await all.press("Space");
  await expect(all).toBeChecked();
  await expect(all).not.toBeChecked({ indeterminate: true });
  await expect(selection(page)).toContainText("3 selected");

  // The next page comes unselected: now some are.
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(rows).toHaveCount(4);
  await expect(checkbox(page, "c.txt")).not.toBeChecked();
  await expect(all).toBeChecked({ indeterminate: true });

  await all.click();
  await expect(all).toBeChecked();
  await expect(selection(page)).toContainText("4 selected");
  await all.click();
  await expect(all).not.toBeChecked();
  await expect(all).not.toBeChecked({ indeterminate: true });
  await expect(selection(page)).toBeHidden();

  await all.check();
  await selection(page).getByRole("button", { name: "Download as zip" }).click();
  await expect(said(page, "Preparing “Documents.zip”")).toBeVisible();
  expect(files.callsTo("POST /api/archives")[0].body).toEqual({
    items: [drafts.id, a.id, b.id, c.id],
    name: "Documents",
  });
});

test("a selection is cleared by its button, by Escape and by going to another folder", async ({
  page,
}) => {
  const { auth, files } = await fakeApis(page);
  const docs = files.addFolder("Documents");
  files.addFolder("Reports", docs.id);
  files.addFile("a.txt", { parentId: docs.id, sizes: [1] });

  await open(page, auth, `/files/folder/${docs.id}`);
  await checkbox(page, "a.txt").check();
  await checkbox(page, "Reports").check();
  await expect(selection(page)).toContainText("2 selected");
  await selection(page).getByRole("button", { name: "Clear selection" }).click();
  await expect(selection(page)).toBeHidden();
  await expect(table(page).getByRole("checkbox", { checked: true })).toHaveCount(0);
  await expect(
    table(page).getByRole("checkbox", { name: "Select all on this page" }),
  ).toBeFocused();

  await checkbox(page, "a.txt").check();
  // Escape closes an open menu first and leaves the selection alone.
  await page.getByRole("button", { name: "Actions for a.txt", exact: true }).click();
  const menu = page.getByRole("group", { name: "Actions for a.txt", exact: true });
  await expect(menu).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(selection(page)).toContainText("1 selected");
  await page.keyboard.press("Escape");
  await expect(selection(page)).toBeHidden();
  await expect(checkbox(page, "a.txt")).not.toBeChecked();

  await checkbox(page, "Reports").check();
  await table(page).getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  await expect(selection(page)).toBeHidden();
  await page.goBack();
  await expect(checkbox(page, "Reports")).toBeVisible();
  await expect(checkbox(page, "Reports")).not.toBeChecked();
  await expect(selection(page)).toBeHidden();
});

test("a refused zip of a selection shows the problem and keeps the selection", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  files.addFolder("Music");
  files.addFile("song.mp3", { mimeType: "audio/mpeg", sizes: [100] });
  files.on("POST /api/archives", () => ({
    ...problem(429, "RATE_LIMITED", "Too many archives asked for at once.", { retryAfter: 30 }),
    headers: { "retry-after": "30" },
  }));

  await open(page, auth, "/files");
  await checkbox(page, "Music").check();
  await checkbox(page, "song.mp3").check();
  await selection(page).getByRole("button", { name: "Download as zip" }).click();
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("Too many archives asked for at once.");
  await expect(alert).toContainText("Try again in 30 seconds.");
  await expect(alert).toBeFocused();
  await expect(selection(page)).toContainText("2 selected");
  await expect(page.getByRole("region", { name: "Zip archives" })).toBeHidden();

  files.on("POST /api/archives", () =>
    problem(422, "VALIDATION_FAILED", "An archive can select at most 1000 items."),
  );
  await selection(page).getByRole("button", { name: "Download as zip" }).click();
  await expect(alert).toContainText("An archive can select at most 1000 items.");
  await expect(selection(page)).toContainText("2 selected");
});

test("asking for a zip shows in the activity log, not as an item to open", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  const photos = files.addFolder("Photos");
  files.addFile("beach.jpg", { parentId: photos.id, mimeType: "image/jpeg", sizes: [3_000] });

  await open(page, auth, "/files");
  await chooseAction(page, "Photos", "Download as zip");
  await expect(said(page, "Preparing “Photos.zip”")).toBeVisible();

  await page
    .getByRole("navigation", { name: "Files" })
    .getByRole("link", { name: "Activity" })
    .click();
  const rows = table(page, "Activity").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator("td:nth-child(1)")).toHaveText("Zip archive requested");
  await expect(rows.first()).toContainText("Photos.zip");
  await expect(rows.first().getByRole("link")).toHaveCount(0);
});

test("a zip still being prepared after a reload is followed again and downloads when ready", async ({
  page,
}) => {
  const { auth, files } = await fakeApis(page);
  const photos = files.addFolder("Photos");
  files.addFile("beach.jpg", { parentId: photos.id, mimeType: "image/jpeg", sizes: [3_000] });
  const older = files.addFolder("Older");
  files.addFile("old.txt", { parentId: older.id, sizes: [10] });
  const fetched = await serveDownloads(page, "Photos.zip", "application/zip");

  await open(page, auth, "/files");
  await chooseAction(page, "Older", "Download as zip");
  // Asked for once the panel shows it: the click does not wait for the request.
  await expect(page.getByRole("region", { name: "Zip archives" })).toContainText("Older.zip");
  const olderId = [...files.archives.keys()][0];
  files.finishArchive(olderId, { size: 100 });
  await chooseAction(page, "Photos", "Download as zip");
  await expect(said(page, "Preparing “Photos.zip”")).toBeVisible();
  const archiveId = [...files.archives.keys()][1];

  await page.reload();
  const panel = page.getByRole("region", { name: "Zip archives" });
  await expect(panel).toContainText("Photos.zip");
  await expect(panel).toContainText("Preparing");
  // Only archives still being prepared come back: a ready one was seen to already.
  await expect(panel).not.toContainText("Older.zip");
  expect(files.callsTo("GET /api/archives")[0].query).toEqual({ limit: "20" });

  const downloaded = page.waitForEvent("download");
  files.finishArchive(archiveId, { size: 3_100 });
  expect((await downloaded).suggestedFilename()).toBe("Photos.zip");
  expect(fetched.filter((url) => url.endsWith(archiveId))).toHaveLength(1);
});

test("a zip's progress comes live from the event stream, with no polling while it is open", async ({
  page,
}) => {
  const { auth, files, events } = await fakeApis(page);
  addPhotos(files);
  const fetched = await serveDownloads(page, "Photos.zip", "application/zip");

  await open(page, auth, "/files");
  await expect(table(page)).toContainText("Photos");
  // Nothing is prepared: no stream is held open.
  expect(events.calls).toHaveLength(0);

  const archive = await zipPhotos(page, files);
  await expect.poll(() => events.open.length).toBe(1);
  const [stream] = events.opened;
  expect(stream.token).not.toBeNull();
  expect(auth.accessTokens.has(stream.token as string)).toBe(true);
  expect(stream.accept).toBe("text/event-stream");
  // Events sent before it opened are not replayed: the archive is read once, to catch up.
  await expect.poll(() => readsSinceOpen(files, archive.id, stream).length).toBe(1);

  // Progress told by events only (the files API still says nothing is done): polls cannot show it.
  const panel = archivePanel(page);
  events.sendArchive({ ...archive, entriesDone: 1, bytesDone: 900_000 });
  await expect(panel).toContainText("Preparing: 1 of 4 items");
  events.sendArchive({ ...archive, entriesDone: 2, bytesDone: 3_000_000 });
  await expect(panel).toContainText("Preparing: 2 of 4 items, 2.9 MB of 3.8 MB");
  await expect(panel.getByRole("progressbar", { name: "Photos.zip: 75%" })).toBeVisible();
  // An archive this tab does not follow (asked for in another one) stays out of the panel.
  events.sendArchive({
    ...archive,
    id: "archive-elsewhere",
    name: "Elsewhere.zip",
    status: "ready",
  });
  // Longer than the polling interval (1.5 s): while the stream is open, nothing is polled.
  await page.waitForTimeout(2_000);
  expect(readsSinceOpen(files, archive.id, stream)).toHaveLength(1);
  await expect(panel).not.toContainText("Elsewhere.zip");
  expect(fetched).toEqual([]);

  // Ready, by an event without a link: the link is read once and the download starts once.
  const downloaded = page.waitForEvent("download");
  files.finishArchive(archive.id, { size: 3_900_000 });
  expect((await downloaded).suggestedFilename()).toBe("Photos.zip");
  await expect(panel).toContainText("Ready, 3.7 MB — your download started");
  expect(fetched).toEqual([`${DOWNLOAD_ORIGIN}/a/${archive.id}`]);
  expect(readsSinceOpen(files, archive.id, stream)).toHaveLength(2);
  // Nothing is prepared any more: the stream is closed.
  await expect.poll(() => events.open.length).toBe(0);
  expect(events.calls).toHaveLength(1);
});

test("a failure told by the stream is shown", async ({ page }) => {
  const { auth, files, events } = await fakeApis(page);
  addPhotos(files);

  await open(page, auth, "/files");
  const archive = await zipPhotos(page, files);
  await expect.poll(() => events.open.length).toBe(1);
  const [stream] = events.opened;
  await expect.poll(() => readsSinceOpen(files, archive.id, stream).length).toBe(1);

  files.finishArchive(archive.id, { error: "“beach.jpg” was deleted for good meanwhile." });
  await expect(archivePanel(page)).toContainText(
    "Failed: “beach.jpg” was deleted for good meanwhile.",
  );
  await expect.poll(() => events.open.length).toBe(0);
  expect(readsSinceOpen(files, archive.id, stream)).toHaveLength(1);
});

test("a stream refused as one too many falls back to polling and is tried again after Retry-After", async ({
  page,
}) => {
  const { auth, files, events } = await fakeApis(page);
  addPhotos(files);
  const fetched = await serveDownloads(page, "Photos.zip", "application/zip");
  events.refuse({
    ...problem(429, "TOO_MANY_STREAMS", "This account holds too many event streams."),
    headers: { "retry-after": "3" },
  });

  await open(page, auth, "/files");
  const archive = await zipPhotos(page, files);
  await expect.poll(() => events.calls.map((c) => c.status)).toEqual([429]);

  // Polled meanwhile: a change that no event tells still shows.
  files.progressArchive(archive.id, 2, 3_000_000);
  const panel = archivePanel(page);
  await expect(panel).toContainText("Preparing: 2 of 4 items, 2.9 MB of 3.8 MB");
  expect(archiveReads(files, archive.id).length).toBeGreaterThanOrEqual(1);

  // Tried again, but not before the 3 seconds the refusal asked for (the backoff alone says 1).
  await expect.poll(() => events.calls.length, { timeout: 6_000 }).toBe(2);
  expect(events.calls[1].at - events.calls[0].at).toBeGreaterThanOrEqual(2_900);

  const downloaded = page.waitForEvent("download");
  files.finishArchive(archive.id, { size: 3_900_000 });
  expect((await downloaded).suggestedFilename()).toBe("Photos.zip");
  await expect(panel).toContainText("Ready, 3.7 MB — your download started");
  expect(fetched).toEqual([`${DOWNLOAD_ORIGIN}/a/${archive.id}`]);
  expect(events.opened).toHaveLength(0);
});

test("a dropped stream falls back to polling, is opened again with a growing wait, and catches up", async ({
  page,
}) => {
  const { auth, files, events } = await fakeApis(page);
  addPhotos(files);
  const fetched = await serveDownloads(page, "Photos.zip", "application/zip");

  await open(page, auth, "/files");
  const archive = await zipPhotos(page, files);
  await expect.poll(() => events.open.length).toBe(1);
  const [first] = events.opened;
  await expect.poll(() => readsSinceOpen(files, archive.id, first).length).toBe(1);

  // The connection breaks; the next try finds the events away, and until the stream is open
  // again the archive cannot be read either.
  events.refuse(problem(503, "SERVICE_UNAVAILABLE", "The events are not available now."), 1);
  files.on(`GET /api/archives/${archive.id}`, () =>
    events.opened.length < 2
      ? problem(503, "SERVICE_UNAVAILABLE", "Archives are not available now.")
      : undefined,
  );
  events.drop();
  // Polled meanwhile.
  const panel = archivePanel(page);
  await expect(panel).toContainText("Archives are not available now.");

  // Ready while no stream is open: no event tells it.
  const downloaded = page.waitForEvent("download");
  files.finishArchive(archive.id, { size: 3_900_000 });
  // Tried again after 1 s (refused), then after 2 s: open again, the read made on opening catches
  // up and the download starts.
  expect((await downloaded).suggestedFilename()).toBe("Photos.zip");
  expect(events.calls.map((c) => c.status)).toEqual([200, 503, 200]);
  const [, refused, second] = events.calls;
  const firstWait = refused.at - (first.endedAt as number);
  expect(firstWait).toBeGreaterThanOrEqual(950);
  expect(second.at - refused.at).toBeGreaterThanOrEqual(1.5 * firstWait);
  await expect(panel).toContainText("Ready, 3.7 MB — your download started");
  await expect(panel).not.toContainText("not available");
  expect(fetched).toEqual([`${DOWNLOAD_ORIGIN}/a/${archive.id}`]);
  await expect.poll(() => events.open.length).toBe(0);
});

test("a stream that ends at the time it announced is opened again at once, with a fresh token", async ({
  page,
}) => {
  const { auth, files, events } = await fakeApis(page);
  // Tokens renewed every second; each stream ends after two, as if the token it was opened
  // with expired.
  auth.expiresIn = 8;
  events.lifetimeMs = 2_000;
  addPhotos(files);

  await open(page, auth, "/files");
  const archive = await zipPhotos(page, files);
  await expect.poll(() => events.opened.length, { timeout: 6_000 }).toBeGreaterThanOrEqual(2);
  const [first, second] = events.opened;
  // Not after the backoff (1 s): the end was announced.
  expect(second.at - (first.endedAt as number)).toBeLessThan(500);
  expect(second.token).not.toBe(first.token);
  expect(auth.accessTokens.has(second.token as string)).toBe(true);
  await expect
    .poll(() => readsSinceOpen(files, archive.id, second).length)
    .toBeGreaterThanOrEqual(1);

  // Told by an event, or read on the next opening if it came between two streams.
  files.progressArchive(archive.id, 2, 3_000_000);
  await expect(archivePanel(page)).toContainText("Preparing: 2 of 4 items, 2.9 MB of 3.8 MB");
});

test("an event cut across network writes, mid-line and mid-character, is read whole", async ({
  page,
}) => {
  const { auth, files, events } = await fakeApis(page);
  const folder = files.addFolder("Fotos ✓");
  files.addFile("strand.jpg", { parentId: folder.id, mimeType: "image/jpeg", sizes: [3_000_000] });
  files.addFile("karte.png", { parentId: folder.id, mimeType: "image/png", sizes: [1_000_000] });

  await open(page, auth, "/files");
  await chooseAction(page, "Fotos ✓", "Download as zip");
  const panel = archivePanel(page);
  await expect(panel).toContainText("Preparing: 0 of 3 items, 0 bytes of 3.8 MB");
  const archive = [...files.archives.values()][0];
  await expect.poll(() => events.open.length).toBe(1);
  const [stream] = events.opened;
  await expect.poll(() => readsSinceOpen(files, archive.id, stream).length).toBe(1);

  // CRLF line ends, a comment, the data on several lines (joined with "\n", still JSON).
  const data = JSON.stringify({ ...archive, entriesDone: 2, bytesDone: 3_000_000 }, null, 1)
    .split("\n")
    .map((line) => `data: ${line}\r\n`)
    .join("");
  const bytes = Buffer.from(
    `: keep-alive\r\n\r\nevent: archive\r\nid: ${archive.id}\r\n${data}\r\n`,
    "utf8",
  );
  const cuts = [
    bytes.indexOf("event: arch") + "event: arch".length,
    bytes.indexOf("data:") + 2,
    bytes.indexOf(Buffer.from("✓")) + 1,
    bytes.indexOf(Buffer.from("✓")) + 2,
    bytes.length - 1,
  ];
  const pieces = [0, ...cuts].map((start, i) => bytes.subarray(start, cuts[i] ?? bytes.length));
  expect(Buffer.concat(pieces).equals(bytes)).toBe(true);
  await events.writeRaw(pieces);

  await expect(panel).toContainText("Preparing: 2 of 3 items, 2.9 MB of 3.8 MB");
  await expect(panel.getByRole("listitem", { name: "Fotos ✓.zip", exact: true })).toBeVisible();
  await expect(panel).not.toContainText("\uFFFD");
  expect(readsSinceOpen(files, archive.id, stream)).toHaveLength(1);
});
